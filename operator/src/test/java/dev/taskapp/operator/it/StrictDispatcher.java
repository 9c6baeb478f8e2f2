package dev.taskapp.operator.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fabric8's mixed (expectations, then CRUD) dispatcher, made to refuse what a real API server
 * refuses, in the order the API server checks:
 * <ol>
 *   <li>authorization: {@link Authorization} against k8s/operator/rbac.yaml as shipped (403);</li>
 *   <li>patch semantics: {@link PatchSemantics} applies each patch type as the API server does and
 *       hands the CRUD store the whole result;</li>
 *   <li>object validation: {@link ObjectValidation}, the API server's own rules (422);</li>
 *   <li>admission: {@link AdmissionPolicies}, what a test says a webhook or admission plugin denies;</li>
 *   <li>optimistic locking of {@code /status}: a PUT from a stale resourceVersion gets 409 (the CRUD
 *       mode checks it on the main resource only).</li>
 * </ol>
 * Writes are serialized so that no other write lands between these checks and the store.
 */
final class StrictDispatcher extends KubernetesMixedDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(StrictDispatcher.class);

  /** fabric8's CRUD dispatcher behind the expectations, for a patch turned into a PUT. */
  private final KubernetesCrudDispatcher store;
  private final Authorization authorization;
  private final AdmissionPolicies admission;

  StrictDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations, Authorization authorization,
      AdmissionPolicies admission) {
    super(expectations);
    this.store = crudStore(this);
    this.authorization = authorization;
    this.admission = admission;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    var api = ApiRequest.of(request);
    if (api != null) {
      var forbidden = authorization.refuse(api);
      if (forbidden.isPresent()) {
        return forbidden.get();
      }
    }
    if (api == null || !api.isWrite()) {
      return super.dispatch(request);
    }
    synchronized (this) {
      return write(api);
    }
  }

  private MockResponse write(ApiRequest api) {
    var stored = api.name() == null ? null : stored(api);
    var request = api.raw();
    if (api.verb().equals("patch") && stored != null) {
      var patched = PatchSemantics.apply(api, stored);
      if (patched.refusal().isPresent()) {
        return logged(api, patched.refusal().get());
      }
      if (patched.object().isPresent()) {
        request = put(api, patched.object().get());
      }
    }
    if (api.verb().equals("create") || api.verb().equals("update") || api.verb().equals("patch")) {
      var object = json(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
      if (object != null) {
        var before = stored;
        var refusal = ObjectValidation.refuse(api, object, before).or(() -> admission.refuse(api, object, before, this::get));
        if (refusal.isPresent()) {
          return logged(api, refusal.get());
        }
        if (staleStatusWrite(api, object, stored)) {
          return conflict();
        }
      }
    }
    // A patch turned into a PUT goes to the store itself: a test's expectations for PUTs of that path
    // (conflictOnUpdate) stand for the operator's updates, not for patches, which a real server
    // applies without a resourceVersion check unless the patch carries one.
    return request == api.raw() ? super.dispatch(request) : store.dispatch(request);
  }

  private static KubernetesCrudDispatcher crudStore(KubernetesMixedDispatcher mixed) {
    try {
      var field = KubernetesMixedDispatcher.class.getDeclaredField("kubernetesCrudDispatcher");
      field.setAccessible(true);
      return (KubernetesCrudDispatcher) field.get(mixed);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("fabric8's mixed dispatcher changed: no CRUD dispatcher to reach", e);
    }
  }

  /** A refusal shows in the test's log, so a test that passes on the operator's retries still shows what a real server refused. */
  private static MockResponse logged(ApiRequest api, MockResponse refusal) {
    LOG.info("refused {} {} by {}: {}", api.verb(), api.raw().getPath(), api.user(),
        new String(refusal.getBody().getBytes(), StandardCharsets.UTF_8));
    return refusal;
  }

  /** The object at the request's path as the store holds it, or null (404 and the like are the CRUD dispatcher's). */
  private JsonNode stored(ApiRequest api) {
    var full = api.raw().getPath().split("\\?")[0];
    return get(api.subresource() == null ? full : full.substring(0, full.length() - api.subresource().length() - 1));
  }

  /** The object stored at an API path, or null. */
  private JsonNode get(String path) {
    var response = super.dispatch(new RecordedRequest("GET " + path + " HTTP/1.1", HttpMethod.GET, path,
        Headers.builder().build(), new Buffer()));
    return response.code() == 200 ? json(new String(response.getBody().getBytes(), StandardCharsets.UTF_8)) : null;
  }

  /** A PUT of the whole object to the patch's path: the store then keeps exactly what the API server would. */
  private static RecordedRequest put(ApiRequest api, JsonNode object) {
    var path = api.raw().getPath().split("\\?")[0];
    return new RecordedRequest("PUT " + path + " HTTP/1.1", HttpMethod.PUT, path,
        Headers.builder().add("Content-Type", "application/json").build(),
        new Buffer(Serialization.asJson(object).getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean staleStatusWrite(ApiRequest api, JsonNode object, JsonNode stored) {
    if (!api.verb().equals("update") || !"status".equals(api.subresource()) || stored == null) {
      return false;
    }
    var sent = object.path("metadata").path("resourceVersion").asText(null);
    // no resourceVersion: an unconditional write, which the API server allows
    return sent != null && !sent.equals(stored.path("metadata").path("resourceVersion").asText(null));
  }

  private static JsonNode json(String text) {
    try {
      return text.isBlank() ? null : Serialization.jsonMapper().readTree(text);
    } catch (JsonProcessingException e) {
      return null; // not JSON: let the CRUD dispatcher refuse it
    }
  }

  private static MockResponse conflict() {
    return status(conflictStatus());
  }

  /** A response carrying an API server Status object, with its code. */
  static MockResponse status(Status status) {
    return new MockResponse().setResponseCode(status.getCode()).setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(status));
  }

  /** What an API server answers a write from a stale resourceVersion. */
  static Status conflictStatus() {
    return new StatusBuilder().withStatus("Failure").withReason("Conflict").withCode(409)
        .withMessage("the object has been modified; please apply your changes to the latest version and try again").build();
  }

  static Optional<MockResponse> none() {
    return Optional.empty();
  }
}
