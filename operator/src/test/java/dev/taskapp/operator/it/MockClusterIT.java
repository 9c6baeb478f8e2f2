package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.api.TaskAppStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The cluster double keeps the API server's rule the operator's status writes rely on. */
class MockClusterIT {

  @AutoClose
  private static final MockCluster cluster = new MockCluster();

  @Test
  void aStatusWriteFromAStaleTaskAppIsRefusedAndTheNewerStatusStaysWhole() {
    var client = cluster.client();
    var stale = client.resource(TestTaskApps.minimal("stale")).create();
    var newer = client.resource(withReady(current("stale"), "False", "FrontendNotReady", "0/1 frontend pods available"))
        .updateStatus();
    assertThat(newer.getMetadata().getResourceVersion()).isNotEqualTo(stale.getMetadata().getResourceVersion());

    var fromStale = withReady(stale, "True", "Ready", "All tiers are ready");
    assertThatThrownBy(() -> client.resource(fromStale).updateStatus())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));

    var onServer = current("stale");
    assertThat(onServer.getStatus().getConditions()).containsExactlyElementsOf(newer.getStatus().getConditions());
    assertThat(onServer.getMetadata().getResourceVersion()).isEqualTo(newer.getMetadata().getResourceVersion());
  }

  @Test
  void aStatusWriteFromTheCurrentTaskAppLands() {
    var client = cluster.client();
    client.resource(TestTaskApps.minimal("current")).create();
    var written = client.resource(withReady(current("current"), "True", "Ready", "All tiers are ready")).updateStatus();
    assertThat(current("current").getStatus().getConditions()).containsExactlyElementsOf(written.getStatus().getConditions());
  }

  private static TaskApp current(String name) {
    return cluster.client().resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName(name).get();
  }

  private static TaskApp withReady(TaskApp app, String ready, String reason, String message) {
    var status = new TaskAppStatus();
    status.setConditions(List.of(new TaskAppCondition("Ready", ready, reason, message, "2026-11-26T18:00:00Z", 1L)));
    app.setStatus(status);
    return app;
  }
}
