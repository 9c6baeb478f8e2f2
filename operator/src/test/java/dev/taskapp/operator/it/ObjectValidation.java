package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/** The API server's validation of the built-in kinds the operator writes (422). TODO(strict double): implement. */
final class ObjectValidation {

  private ObjectValidation() {}

  /** @param object the whole object as it would be stored (after a patch is applied) */
  static Optional<MockResponse> refuse(ApiRequest request, JsonNode object) {
    return Optional.empty();
  }
}
