package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/** Each patch type applied as the API server applies it. TODO(strict double): implement. */
final class PatchSemantics {

  /**
   * @param object the whole patched object, for the store; empty to let the CRUD dispatcher apply the patch itself
   * @param refusal the API server's answer when the patch cannot apply (415, 422)
   */
  record Result(Optional<JsonNode> object, Optional<MockResponse> refusal) {}

  private PatchSemantics() {}

  static Result apply(ApiRequest request, JsonNode stored) {
    return new Result(Optional.empty(), Optional.empty());
  }
}
