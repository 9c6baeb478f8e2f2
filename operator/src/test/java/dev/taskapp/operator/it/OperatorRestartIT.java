package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.Scorecard;
import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Scenario 11 of issue 7: an operator stopped half-way (db created, backend not yet) is replaced and
 * the new one finishes the job, keeping every object the first one made and the Secret's values.
 */
class OperatorRestartIT {

  private static final Map<String, String> WITH_LEASE = Map.of("LEADER_ELECTION", "true",
      "LEASE_NAMESPACE", "taskapp-system", "EXIT_ON_LOST_LEADERSHIP", "false");

  @Test
  void aRestartedOperatorConvergesWithoutRecreatingWhatExists() {
    boolean passed = false;
    var figure = "not measured";
    try (var cluster = new MockCluster(); var kubelet = new KubeletDouble(cluster.client())) {
      var client = cluster.client();
      kubelet.containersUnready("midway-db", true);
      Secret secret;
      List<HasMetadata> before;
      try (var first = new RunningOperator(cluster, WITH_LEASE)) {
        client.resource(TestTaskApps.minimal("midway")).create();
        await().atMost(Duration.ofSeconds(15)).until(() -> get(cluster, StatefulSet.class, "midway-db") != null);
        secret = get(cluster, Secret.class, "midway-credentials");
        before = List.of(secret, get(cluster, Service.class, "midway-db"), get(cluster, NetworkPolicy.class, "midway-db"),
            get(cluster, StatefulSet.class, "midway-db"));
        assertThat(before).doesNotContainNull();
        assertThat(client.leases().inNamespace("taskapp-system").withName("taskapp-operator").get())
            .as("the operator took the Lease").extracting(Lease::getSpec).isNotNull();
      }
      assertThat(get(cluster, Deployment.class, "midway-backend")).as("stopped before the backend").isNull();

      kubelet.containersUnready("midway-db", false); // the db comes up while no operator runs
      long start = System.nanoTime();
      try (var second = new RunningOperator(cluster, WITH_LEASE)) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(cluster));
        double seconds = (System.nanoTime() - start) / 1e9;
        // Same objects: same uid. Untouched: same resourceVersion, except the StatefulSet, whose
        // status the (double of the) StatefulSet controller keeps writing.
        long sameUid = before.stream().filter(o -> Objects.equals(uid(now(cluster, o)), uid(o))).count();
        long unchanged = before.stream().filter(o -> !(o instanceof StatefulSet))
            .filter(o -> Objects.equals(now(cluster, o).getMetadata().getResourceVersion(), o.getMetadata().getResourceVersion())).count();
        var secretAfter = get(cluster, Secret.class, "midway-credentials");
        boolean secretSame = secretAfter.getData().equals(secret.getData());
        var app = client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("midway").get();
        figure = "converged to Ready %.1f s after the restart (incl. taking the Lease the first one released); kept %d of %d objects (same uid), %d of %d untouched (same resourceVersion); Secret %s"
            .formatted(seconds, sameUid, before.size(), unchanged, before.size() - 1, secretSame ? "unchanged" : "CHANGED");
        assertThat(sameUid).as("the objects the first operator made are kept").isEqualTo(before.size());
        assertThat(unchanged).as("and not rewritten").isEqualTo(before.size() - 1);
        assertThat(secretSame).as("the Secret's values").isTrue();
        assertThat(app.getStatus().getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
        assertThat(get(cluster, Deployment.class, "midway-frontend")).as("the rest of the stack").isNotNull();
        passed = true;
      }
    } finally {
      Scorecard.record(11, "Operator stopped mid-reconcile and restarted converges, same objects", passed, figure);
    }
  }

  private static String uid(HasMetadata object) {
    return object == null ? null : object.getMetadata().getUid();
  }

  private static HasMetadata now(MockCluster cluster, HasMetadata object) {
    return get(cluster, object.getClass(), object.getMetadata().getName());
  }

  private static boolean ready(MockCluster cluster) {
    var app = cluster.client().resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("midway").get();
    return app.getStatus() != null && app.getStatus().condition("Ready").map(TaskAppCondition::isTrue).orElse(false);
  }

  private static <T extends HasMetadata> T get(MockCluster cluster, Class<T> type, String name) {
    return cluster.client().resources(type).inNamespace(TestTaskApps.NAMESPACE).withName(name).get();
  }
}
