package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What a test says the cluster's admission denies beyond the API server's own validation: a
 * validating webhook (a policy engine), a quota. Denied as the API server relays a webhook's
 * denial: 400 with "admission webhook ... denied the request: MESSAGE".
 */
public final class AdmissionPolicies {

  private record Policy(String webhook, String resource, Predicate<JsonNode> denies, String message) {}

  private final List<Policy> policies = new CopyOnWriteArrayList<>();

  /**
   * From now on, a create or update of {@code resource} (e.g. "deployments") whose object matches
   * {@code denies} is refused by the named webhook with {@code message}.
   */
  public void deny(String webhook, String resource, Predicate<JsonNode> denies, String message) {
    policies.add(new Policy(webhook, resource, denies, message));
  }

  public void clear() {
    policies.clear();
  }

  Optional<MockResponse> refuse(ApiRequest request, JsonNode object) {
    if (request.subresource() != null) {
      return Optional.empty(); // webhooks here watch the objects themselves, not status writes
    }
    return policies.stream().filter(p -> p.resource().equals(request.resource()) && p.denies().test(object)).findFirst()
        .map(p -> StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(400).withReason("BadRequest")
            .withMessage("admission webhook \"" + p.webhook() + "\" denied the request: " + p.message()).build()));
  }
}
