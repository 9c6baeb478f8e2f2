package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator stopped half-way (db created, backend not yet) is replaced and the new one finishes the job. */
class OperatorRestartIT {

  private static final Map<String, String> WITH_LEASE = Map.of("LEADER_ELECTION", "true",
      "LEASE_NAMESPACE", "taskapp-system", "EXIT_ON_LOST_LEADERSHIP", "false");

  @Test
  void aRestartedOperatorConvergesWithoutRecreatingWhatExists() {
    try (var cluster = new MockCluster(); var kubelet = new KubeletDouble(cluster.client())) {
      var client = cluster.client();
      kubelet.containersUnready("midway-db", true);
      Secret secret;
      String dbUid;
      try (var first = new RunningOperator(cluster, WITH_LEASE)) {
        client.resource(TestTaskApps.minimal("midway")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> get(cluster, StatefulSet.class, "midway-db") != null);
        secret = get(cluster, Secret.class, "midway-credentials");
        dbUid = get(cluster, StatefulSet.class, "midway-db").getMetadata().getUid();
        assertThat(client.leases().inNamespace("taskapp-system").withName("taskapp-operator").get())
            .as("the operator took the Lease").extracting(Lease::getSpec).isNotNull();
      }
      assertThat(get(cluster, Deployment.class, "midway-backend")).isNull();

      kubelet.containersUnready("midway-db", false); // the db comes up while no operator runs
      try (var second = new RunningOperator(cluster, WITH_LEASE)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(cluster));
        assertThat(get(cluster, StatefulSet.class, "midway-db").getMetadata().getUid()).isEqualTo(dbUid);
        assertThat(get(cluster, Secret.class, "midway-credentials").getData()).isEqualTo(secret.getData());
        var app = client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("midway").get();
        assertThat(app.getStatus().getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
      }
    }
  }

  private static boolean ready(MockCluster cluster) {
    var app = cluster.client().resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("midway").get();
    return app.getStatus() != null && app.getStatus().condition("Ready").map(TaskAppCondition::isTrue).orElse(false);
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(MockCluster cluster, Class<T> type, String name) {
    return cluster.client().resources(type).inNamespace(TestTaskApps.NAMESPACE).withName(name).get();
  }
}
