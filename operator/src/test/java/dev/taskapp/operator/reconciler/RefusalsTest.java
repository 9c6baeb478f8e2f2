package dev.taskapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What the TaskApp tells as Refused, and what is only retried. */
class RefusalsTest {

  private static KubernetesClientException api(int code) {
    return new KubernetesClientException(new StatusBuilder().withCode(code).withMessage("HTTP " + code).build());
  }

  @Test
  void theApiServerSayingNoIsARefusal() {
    assertThat(Refusals.isRefusal(api(422))).as("invalid").isTrue();
    assertThat(Refusals.isRefusal(api(403))).as("forbidden: RBAC, a quota, the resize plugin").isTrue();
    assertThat(Refusals.isRefusal(api(400))).as("a webhook's denial").isTrue();
    assertThat(Refusals.isRefusal(new RuntimeException("wrapped", api(422)))).as("found through causes").isTrue();
  }

  @Test
  void whatGoesAwayOnItsOwnIsOnlyRetried() {
    assertThat(Refusals.isRefusal(api(409))).as("a conflict: someone wrote in between").isFalse();
    assertThat(Refusals.isRefusal(api(429))).as("throttled").isFalse();
    assertThat(Refusals.isRefusal(api(500))).as("the server's own trouble").isFalse();
    assertThat(Refusals.isRefusal(new KubernetesClientException("connection refused", new IOException("refused")))).isFalse();
  }
}
