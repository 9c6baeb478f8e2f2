package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.core.Readiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two operator replicas with leader election against one cluster: only the leader reconciles; when
 * it stops, the standby takes over within the Lease duration and keeps gates and status true,
 * including the gate of a pod created while no one led.
 */
public class LeaderHandOverIT {

  /** Shorter than production's 15/10/2 s so the test is quick; same proportions. */
  private static final Duration LEASE = Duration.ofSeconds(6);
  private static final Map<String, String> ELECTION = Map.of("LEADER_ELECTION", "true", "LEASE_NAMESPACE", "taskapp-system",
      "EXIT_ON_LOST_LEADERSHIP", "false", "LEASE_DURATION_SECONDS", "6", "RENEW_DEADLINE_SECONDS", "4", "RETRY_PERIOD_SECONDS", "1");

  @Test
  void theStandbyTakesOverAndKeepsGatesAndStatusTrue() {
    try (var cluster = new MockCluster(); var kubelet = new KubeletDouble(cluster.client());
        var a = new RunningOperator(cluster, env("operator-a"))) {
      var client = cluster.client();
      await().atMost(Duration.ofSeconds(10)).until(() -> a.leadership().leading());
      try (var b = new RunningOperator(cluster, env("operator-b"))) {
        assertThat(holder(cluster)).isEqualTo("operator-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.operator().getRuntimeInfo().allEventSourcesAreHealthy());

        client.resource(TestTaskApps.minimal("handover")).create();
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(cluster, "handover"));
        assertThat(a.reconciliations()).isPositive();
        assertThat(b.reconciliations()).as("the standby does not reconcile").isZero();
        assertThat(b.leadership().leading()).isFalse();

        long stopped = System.nanoTime();
        a.close();
        // A node fails meanwhile: its backend pod is replaced while no operator leads; the new pod's gate is unset.
        var old = backendPods(cluster).getFirst();
        client.resource(old).delete();
        await().atMost(LEASE).until(() -> b.leadership().leading());
        double takeover = (System.nanoTime() - stopped) / 1e9;
        System.out.printf("Leader hand-over: the standby led %.1f s after the leader stopped (Lease %d s)%n", takeover, LEASE.toSeconds());
        assertThat(holder(cluster)).isEqualTo("operator-b");

        await().atMost(Duration.ofSeconds(15)).until(() -> backendPods(cluster).stream()
            .anyMatch(p -> !p.getMetadata().getUid().equals(old.getMetadata().getUid()) && gate(p).equals(Optional.of("True"))));
        await().atMost(Duration.ofSeconds(15)).until(() -> ready(cluster, "handover"));

        // The status stays true to the cluster: the database goes down, then comes back.
        kubelet.containersUnready("handover-db", true);
        await().atMost(Duration.ofSeconds(15)).until(() -> condition(cluster, "handover", "DatabaseReady").map(c -> !c.isTrue()).orElse(false));
        await().atMost(Duration.ofSeconds(15)).until(() -> backendPods(cluster).stream().allMatch(p -> gate(p).equals(Optional.of("False"))));
        kubelet.containersUnready("handover-db", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(cluster, "handover"));
        assertThat(b.reconciliations()).isPositive();
        assertThat(takeover).as("seconds from the leader's stop to the standby leading").isLessThan(LEASE.toSeconds());
      }
    }
  }

  /** A leader that died without handing over (a lost node): its Lease expires and the standby takes it. */
  @Test
  void theStandbyTakesALeaseItsHolderStoppedRenewing() {
    try (var cluster = new MockCluster(); var kubelet = new KubeletDouble(cluster.client())) {
      var renewed = java.time.ZonedDateTime.now();
      cluster.client().resource(new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
          .withNewMetadata().withName("taskapp-operator").withNamespace("taskapp-system").endMetadata()
          .withNewSpec().withHolderIdentity("operator-on-a-lost-node").withLeaseDurationSeconds((int) LEASE.toSeconds())
          .withAcquireTime(renewed).withRenewTime(renewed).withLeaseTransitions(0).endSpec().build()).create();
      try (var b = new RunningOperator(cluster, env("operator-b"))) {
        cluster.client().resource(TestTaskApps.minimal("orphaned")).create();
        assertThat(b.leadership().leading()).isFalse();
        await().atMost(LEASE.plusSeconds(3)).until(() -> b.leadership().leading()); // + a retry period with jitter
        double takeover = Duration.between(renewed, java.time.ZonedDateTime.now()).toMillis() / 1e3;
        System.out.printf("Lease of a lost leader taken %.1f s after its last renewal (Lease %d s)%n", takeover, LEASE.toSeconds());
        assertThat(takeover).isGreaterThanOrEqualTo(LEASE.toSeconds());
        await().atMost(Duration.ofSeconds(30)).until(() -> ready(cluster, "orphaned"));
      }
    }
  }

  public static Map<String, String> env(String pod) {
    var env = new HashMap<>(ELECTION);
    env.put("POD_NAME", pod);
    return env;
  }

  static String holder(MockCluster cluster) {
    return Optional.ofNullable(cluster.client().leases().inNamespace("taskapp-system").withName("taskapp-operator").get())
        .map(Lease::getSpec).map(s -> s.getHolderIdentity()).orElse(null);
  }

  private static List<Pod> backendPods(MockCluster cluster) {
    return cluster.client().pods().inNamespace(TestTaskApps.NAMESPACE).withLabel("app.kubernetes.io/component", "backend")
        .list().getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private static Optional<String> gate(Pod pod) {
    return Optional.ofNullable(pod.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
        .filter(c -> Readiness.GATE.equals(c.getType())).findFirst().map(c -> c.getStatus());
  }

  private static boolean ready(MockCluster cluster, String name) {
    return condition(cluster, name, "Ready").map(TaskAppCondition::isTrue).orElse(false);
  }

  private static Optional<TaskAppCondition> condition(MockCluster cluster, String name, String type) {
    return Optional.ofNullable(cluster.client().resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName(name).get())
        .map(TaskApp::getStatus).flatMap(s -> s.condition(type));
  }
}
