package dev.taskapp.operator.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
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
import java.util.Queue;
import java.util.Set;

/**
 * fabric8's mixed (expectations, then CRUD) dispatcher, with the one check of a real API server its
 * CRUD mode skips: a PUT of {@code /status} whose resourceVersion is not the stored one is refused
 * with 409 Conflict (the mock would replace the status of whatever version it holds). The operator
 * writes TaskApp status that way, so its tests must see the conflicts a cluster would give it.
 * Writes are serialized so that no other write lands between the check and the PUT.
 */
final class StatusLockingDispatcher extends KubernetesMixedDispatcher {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  StatusLockingDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
    super(expectations);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (!WRITES.contains(request.getMethod())) {
      return super.dispatch(request);
    }
    synchronized (this) {
      return staleStatusWrite(request) ? conflict() : super.dispatch(request);
    }
  }

  private boolean staleStatusWrite(RecordedRequest request) {
    var path = request.getPath().split("\\?")[0];
    if (!request.getMethod().equals("PUT") || !path.endsWith("/status")) {
      return false;
    }
    // getBytes, not getUtf8Body: reading the body would consume it before the CRUD dispatcher sees it.
    var sent = resourceVersion(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
    if (sent == null) {
      return false; // no resourceVersion: an unconditional write, which the API server allows
    }
    var objectPath = path.substring(0, path.length() - "/status".length());
    var stored = super.dispatch(new RecordedRequest("GET " + objectPath + " HTTP/1.1", HttpMethod.GET, objectPath,
        Headers.builder().build(), new Buffer()));
    // Anything but a stored object (404 and the like) is the CRUD dispatcher's to answer.
    return stored.code() == 200 && !sent.equals(resourceVersion(new String(stored.getBody().getBytes(), StandardCharsets.UTF_8)));
  }

  private static String resourceVersion(String json) {
    try {
      return Serialization.jsonMapper().readTree(json).path("metadata").path("resourceVersion").asText(null);
    } catch (JsonProcessingException e) {
      return null; // not JSON: let the CRUD dispatcher refuse it
    }
  }

  private static MockResponse conflict() {
    return new MockResponse().setResponseCode(409).setBody(Serialization.asJson(conflictStatus()));
  }

  /** What an API server answers a write from a stale resourceVersion. */
  static Status conflictStatus() {
    return new StatusBuilder().withStatus("Failure").withReason("Conflict").withCode(409)
        .withMessage("the object has been modified; please apply your changes to the latest version and try again").build();
  }
}
