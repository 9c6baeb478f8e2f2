package dev.taskapp.operator.it;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;

/**
 * The API server's authorizer for the operator's ServiceAccount: the rules of
 * k8s/operator/rbac.yaml as shipped. TODO(strict double): implement.
 */
final class Authorization {

  /** @return the API server's 403 when the rules do not grant the request; empty when they do */
  Optional<MockResponse> refuse(ApiRequest request) {
    return Optional.empty();
  }
}
