package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Admission after the API server's own validation: the built-in PersistentVolumeClaimResize plugin,
 * and what a test says a validating webhook (a policy engine) denies.
 */
public final class AdmissionPolicies {

  private record Policy(String webhook, String resource, Predicate<JsonNode> denies, String message) {}

  private record Refusal(String rbacResource, String namePrefix, AtomicInteger left, AtomicInteger served, int code, String message) {}

  private final List<Policy> policies = new CopyOnWriteArrayList<>();
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

  /**
   * From now on, a create or update of {@code resource} (e.g. "deployments") whose object matches
   * {@code denies} is refused by the named webhook with {@code message}, as the API server relays a
   * webhook's denial: 400, "admission webhook "NAME" denied the request: MESSAGE".
   */
  public void deny(String webhook, String resource, Predicate<JsonNode> denies, String message) {
    policies.add(new Policy(webhook, resource, denies, message));
  }

  /**
   * The operator's next {@code times} writes of {@code rbacResource} (e.g. "pods/status") to objects
   * named {@code namePrefix}... are refused with {@code code} and {@code message}, whatever they
   * carry: a refusal a test wants it to meet.
   *
   * @return how many of them were refused so far
   */
  public IntSupplier refuseNext(String rbacResource, String namePrefix, int times, int code, String message) {
    var refusal = new Refusal(rbacResource, namePrefix, new AtomicInteger(times), new AtomicInteger(), code, message);
    refusals.add(refusal);
    return refusal.served()::get;
  }

  public void clear() {
    policies.clear();
    refusals.clear();
  }

  /**
   * @param object the object as it would be stored
   * @param stored the object as stored now (null on create)
   * @param get reads another stored object by its API path
   */
  Optional<MockResponse> refuse(ApiRequest request, JsonNode object, JsonNode stored, Function<String, JsonNode> get) {
    var injected = refusals.stream()
        .filter(r -> MockCluster.OPERATOR_USER.equals(request.user()) && r.rbacResource().equals(request.rbacResource()))
        .filter(r -> request.name() != null && request.name().startsWith(r.namePrefix()))
        .filter(r -> r.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0).findFirst();
    if (injected.isPresent()) {
      injected.get().served().incrementAndGet();
      return injected.map(r -> StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(r.code())
          .withReason(r.code() == 422 ? "Invalid" : "BadRequest").withMessage(r.message()).build()));
    }
    if (request.subresource() != null) {
      return Optional.empty(); // neither the resize plugin nor the webhooks here look at status writes
    }
    return claimResize(request, object, stored, get).or(() -> policies.stream()
        .filter(p -> p.resource().equals(request.resource()) && p.denies().test(object)).findFirst()
        .map(p -> StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(400).withReason("BadRequest")
            .withMessage("admission webhook \"" + p.webhook() + "\" denied the request: " + p.message()).build())));
  }

  /**
   * Kubernetes' PersistentVolumeClaimResize admission plugin: a claim may ask for more storage only
   * when its StorageClass sets allowVolumeExpansion (403 otherwise).
   */
  private static Optional<MockResponse> claimResize(ApiRequest request, JsonNode claim, JsonNode stored, Function<String, JsonNode> get) {
    if (!request.resource().equals("persistentvolumeclaims") || stored == null
        || storage(claim).compareTo(storage(stored)) <= 0) {
      return Optional.empty();
    }
    var className = stored.path("spec").path("storageClassName").asText("");
    var storageClass = className.isEmpty() ? null : get.apply("/apis/storage.k8s.io/v1/storageclasses/" + className);
    if (storageClass != null && storageClass.path("allowVolumeExpansion").asBoolean(false)) {
      return Optional.empty();
    }
    var name = stored.path("metadata").path("name").asText();
    return Optional.of(StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
        .withMessage("persistentvolumeclaims \"" + name + "\" is forbidden: only dynamically provisioned pvc can be resized"
            + " and the storageclass that provisions the pvc must support resize")
        .withNewDetails().withName(name).withKind("persistentvolumeclaims").endDetails().build()));
  }

  private static Quantity storage(JsonNode claim) {
    var text = claim.path("spec").path("resources").path("requests").path("storage").asText("0");
    return new Quantity(text);
  }
}
