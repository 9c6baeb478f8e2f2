package dev.taskapp.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.Scorecard;
import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.BackendSpec;
import dev.taskapp.operator.api.DatabaseSpec;
import dev.taskapp.operator.api.DeletionPolicy;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.core.Readiness;
import dev.taskapp.operator.it.MockCluster;
import dev.taskapp.operator.it.OperatorInMockCluster;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What the cluster refuses does not freeze a TaskApp: the refusal is reported on it, the rest keeps
 * being reconciled (gates, status), and the operator keeps retrying until the cause goes away.
 */
class RefusedChildrenIT extends OperatorInMockCluster {

  private static final String NS = TestTaskApps.NAMESPACE;

  @Test
  void scenario15_aRefusedBackendIsReportedWhileGatesAndStatusKeepBeingWritten() {
    boolean passed = false;
    var figure = "not measured";
    try {
      client.resource(TestTaskApps.minimal("policed")).create();
      awaitReady("policed");
      cluster.admission().deny("replicas.policy.example.com", "deployments",
          d -> d.path("metadata").path("name").asText().equals("policed-backend") && d.path("spec").path("replicas").asInt() > 3,
          "team tasks may run at most 3 replicas of a Deployment");

      long start = System.nanoTime();
      edit("policed", a -> backendReplicas(a, 5));
      await().atMost(Duration.ofSeconds(5)).until(() -> ready("policed").filter(c -> "Refused".equals(c.getReason())).isPresent());
      double seconds = (System.nanoTime() - start) / 1e9;
      var refused = ready("policed").orElseThrow();
      assertThat(refused.getStatus()).isEqualTo("False");
      assertThat(refused.getMessage()).contains("Deployment policed-backend was refused:")
          .contains("admission webhook \"replicas.policy.example.com\" denied the request: team tasks may run at most 3 replicas");
      assertThat(child(Deployment.class, "policed-backend").getSpec().getReplicas()).as("the refused change did not land").isEqualTo(1);

      // The rest is still watched: the database goes down and comes back, and the backend's gate follows.
      kubelet.containersUnready("policed-db", true);
      await().atMost(Duration.ofSeconds(10)).until(() -> condition("policed", "DatabaseReady").filter(c -> !c.isTrue()).isPresent()
          && backendGates("policed").equals(List.of("False")));
      kubelet.containersUnready("policed-db", false);
      await().atMost(Duration.ofSeconds(10)).until(() -> condition("policed", "DatabaseReady").filter(TaskAppCondition::isTrue).isPresent()
          && backendGates("policed").equals(List.of("True")));
      assertThat(ready("policed").orElseThrow().getReason()).as("still refused").isEqualTo("Refused");

      // Corrected spec: the operator, still retrying, converges.
      edit("policed", a -> backendReplicas(a, 2));
      awaitReady("policed");
      assertThat(child(Deployment.class, "policed-backend").getSpec().getReplicas()).isEqualTo(2);
      assertThat(warnings("policed")).anySatisfy(m -> assertThat(m).contains("Refused").contains("policed-backend"));
      figure = "Ready=False (Refused) %.1f s after the refused edit; db outage and recovery reflected in the backend's gate meanwhile; Ready again after the fix"
          .formatted(seconds);
      passed = true;
    } finally {
      cluster.admission().clear();
      Scorecard.record(15, "Operator: a refused child is reported, the rest kept reconciled", passed, figure);
    }
  }

  @Test
  void aVolumeThatCannotGrowIsReportedAndNothingWaitsOnIt() {
    var app = TestTaskApps.minimal("local");
    app.getSpec().setDatabase(new DatabaseSpec());
    app.getSpec().getDatabase().setStorageClassName(MockCluster.LOCAL_PATH_STORAGE);
    client.resource(app).create();
    awaitReady("local");
    var template = child(StatefulSet.class, "local-db").getSpec().getVolumeClaimTemplates().getFirst();
    client.resource(new PersistentVolumeClaimBuilder(template).editMetadata().withName("data-local-db-0").withNamespace(NS).endMetadata().build())
        .create();

    edit("local", a -> {
      a.getSpec().getDatabase().setStorage("5Gi");
      return a;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> condition("local", "StorageExpanded").isPresent());
    var storage = condition("local", "StorageExpanded").orElseThrow();
    assertThat(storage.getStatus()).isEqualTo("False");
    assertThat(storage.getReason()).isEqualTo("ExpansionNotAllowed");
    assertThat(storage.getMessage()).contains("5Gi").contains("1Gi").contains("local-path does not allow volume expansion");
    assertThat(ready("local").orElseThrow().isTrue()).as("the database serves on the volume it has").isTrue();
    assertThat(claimStorage("data-local-db-0")).isEqualTo(new Quantity("1Gi"));

    // Nothing stuck: the next change still lands.
    edit("local", a -> backendReplicas(a, 2));
    await().atMost(Duration.ofSeconds(10)).until(() -> child(Deployment.class, "local-backend").getSpec().getReplicas() == 2);
    // And back to the size it has: the condition goes.
    edit("local", a -> {
      a.getSpec().getDatabase().setStorage("1Gi");
      return a;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> condition("local", "StorageExpanded").isEmpty());
    assertThat(warnings("local")).as("no resize was sent for the API server to refuse").noneMatch(w -> w.startsWith("Refused"));
  }

  @Test
  void theCredentialsFollowTheDeletionPolicyBothWays() {
    var app = TestTaskApps.minimal("keeper");
    app.getSpec().setDatabase(new DatabaseSpec());
    app.getSpec().getDatabase().setDeletionPolicy(DeletionPolicy.Delete);
    var created = client.resource(app).create();
    await().atMost(Duration.ofSeconds(10)).until(() -> child(Secret.class, "keeper-credentials") != null);
    var uid = created.getMetadata().getUid();
    var values = child(Secret.class, "keeper-credentials").getData();
    assertThat(ownerUids("keeper-credentials")).containsExactly(uid);

    edit("keeper", a -> {
      a.getSpec().getDatabase().setDeletionPolicy(DeletionPolicy.Retain);
      return a;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> ownerUids("keeper-credentials").isEmpty());

    edit("keeper", a -> {
      a.getSpec().getDatabase().setDeletionPolicy(DeletionPolicy.Delete);
      return a;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> ownerUids("keeper-credentials").equals(List.of(uid)));
    assertThat(child(Secret.class, "keeper-credentials").getData()).as("the values never change").isEqualTo(values);
  }

  @Test
  void aRefusedGateWriteIsRetriedWithoutAPodEvent() {
    var refused = cluster.admission().refuseNext("pods/status", "gated-backend-", 1, 422,
        "Pod \"gated-backend\" is invalid: status.conditions: Invalid value: injected by the test");
    client.resource(TestTaskApps.minimal("gated")).create();
    awaitReady("gated");
    assertThat(refused.getAsInt()).as("the backend pod's first gate write was refused, and Ready came after a retry").isEqualTo(1);
    assertThat(pods("gated")).allSatisfy(p -> assertThat(p.getStatus().getConditions())
        .filteredOn(c -> Readiness.GATE.equals(c.getType())).as("one gate condition per pod").hasSizeLessThanOrEqualTo(1));
    assertThat(backendGates("gated")).containsExactly("True");
  }

  private static TaskApp backendReplicas(TaskApp app, int replicas) {
    if (app.getSpec().getBackend() == null) {
      app.getSpec().setBackend(new BackendSpec());
    }
    app.getSpec().getBackend().setReplicas(replicas);
    return app;
  }

  /** As a user edits: from the TaskApp as it is now, again if the operator wrote its status in between (409). */
  private static void edit(String name, UnaryOperator<TaskApp> change) {
    await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(() -> client.resources(TaskApp.class).inNamespace(NS).withName(name).edit(change) != null);
  }

  private static List<String> ownerUids(String secret) {
    return child(Secret.class, secret).getMetadata().getOwnerReferences().stream().map(r -> r.getUid()).toList();
  }

  private static Quantity claimStorage(String claim) {
    return client.persistentVolumeClaims().inNamespace(NS).withName(claim).get().getSpec().getResources().getRequests().get("storage");
  }

  private static List<Pod> pods(String app) {
    return client.pods().inNamespace(NS).list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(app + "-backend-") || p.getMetadata().getName().startsWith(app + "-frontend-"))
        .toList();
  }

  /** The gate status of each backend pod. */
  private static List<String> backendGates(String app) {
    return pods(app).stream().filter(p -> p.getMetadata().getName().startsWith(app + "-backend-"))
        .map(p -> p.getStatus().getConditions().stream().filter(c -> Readiness.GATE.equals(c.getType()))
            .map(PodCondition::getStatus).findFirst().orElse("unset"))
        .toList();
  }

  private static List<String> warnings(String name) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(name) && "Warning".equals(e.getType()))
        .map(e -> e.getReason() + ": " + e.getMessage()).toList();
  }



  private static Optional<TaskAppCondition> ready(String name) {
    return condition(name, "Ready");
  }

}
