package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.Scorecard;
import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.DatabaseSpec;
import dev.taskapp.operator.api.DeletionPolicy;
import dev.taskapp.operator.api.FrontendSpec;
import dev.taskapp.operator.api.IngressSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, RBAC: the operator, run through its whole life against the mock API server that
 * enforces k8s/operator/rbac.yaml as shipped, is refused nothing, and uses every grant (least
 * privilege), but for the few the mock cannot exercise, each listed with why.
 */
class RbacCoverageIT {

  private static final String NS = TestTaskApps.NAMESPACE;
  private static final String LEASE_NAMESPACE = "taskapp-system";
  /** As production runs it, but a lost Lease must not end the test's JVM. */
  private static final Map<String, String> WITH_LEASE = Map.of("LEADER_ELECTION", "true",
      "LEASE_NAMESPACE", LEASE_NAMESPACE, "EXIT_ON_LOST_LEADERSHIP", "false");

  /** Grants the operator needs that no request of it uses, so no run in the mock can show them used; each with why. */
  private static final Map<String, String> CANNOT_EXERCISE = Map.of(
      "update coordination.k8s.io leases in " + LEASE_NAMESPACE,
      "never sent (fabric8 renews with patch), but JOSDK starts leader election only if its SelfSubjectRulesReview lists it"
          + " (shown by withoutLeaseUpdateTheOperatorFrameworkRefusesToStartLeaderElection)");

  @Test
  void withoutLeaseUpdateTheOperatorFrameworkRefusesToStartLeaderElection() throws Exception {
    var shipped = Files.readString(Authorization.RBAC_MANIFESTS);
    var withoutUpdate = shipped.replace("verbs: [\"get\", \"create\", \"update\", \"patch\"]", "verbs: [\"get\", \"create\", \"patch\"]");
    assertThat(withoutUpdate).as("the Lease rule as this test knows it").isNotEqualTo(shipped);
    try (var cluster = new MockCluster(RbacPolicy.parse(withoutUpdate))) {
      assertThatThrownBy(() -> new RunningOperator(cluster, WITH_LEASE).close())
          .hasStackTraceContaining("No permission to lease resource. in namespace: taskapp-system; missing required verbs: [update]");
      assertThat(cluster.operatorAccess()).as("it never tried the Lease")
          .noneMatch(access -> access.resource().equals("leases"));
    }
  }

  @Test
  void theLeaseIsTakenAndRenewedWithGrantedVerbsOnly() {
    try (var cluster = new MockCluster(); var ignored = new RunningOperator(cluster, WITH_LEASE)) {
      var renewals = new LeaseRenewals(cluster.client());
      renewals.awaitAtLeast(2, Duration.ofSeconds(10));
      var refused = RbacCoverage.of(cluster.operatorAccess(), List.of()).refused();
      assertThat(refused).as("requests about the Lease the manifests refused").isEmpty();
      assertThat(renewals.count()).as("Lease renewals").isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void theOperatorsWholeLifeIsGrantedAndUsesEveryGrant() {
    boolean passed = false;
    var figure = "not measured";
    try (var cluster = new MockCluster(); var kubelet = new KubeletDouble(cluster.client());
        var operator = new RunningOperator(cluster, WITH_LEASE)) {
      var client = cluster.client();
      var renewals = new LeaseRenewals(client);
      renewals.awaitAtLeast(2, Duration.ofSeconds(10));
      AssertionError lifeFailure = null;
      try {
        new Life(client).live();
      } catch (AssertionError | RuntimeException e) {
        // a refused request is the likely cause of a life stuck half-way: it is reported first
        lifeFailure = new AssertionError("the TaskApp's life did not complete", e);
      }
      renewals.awaitAtLeast(2, Duration.ofSeconds(1)); // one more look, in case the first wait timed out

      var coverage = RbacCoverage.of(cluster.operatorAccess(), cluster.rbac().rulesBoundTo(MockCluster.OPERATOR_USER));
      var unused = coverage.unused().stream().filter(g -> !CANNOT_EXERCISE.containsKey(g)).toList();
      System.out.printf("RBAC coverage: used and granted (%d):%n  %s%nrefused (%d):%n  %s%nunused grants (%d):%n  %s%n"
          + "unused but allow-listed (%d): %s%nLease renewals seen: %d%n",
          coverage.used().size(), String.join("\n  ", coverage.used().stream().map(Object::toString).toList()),
          coverage.refused().size(), String.join("\n  ", coverage.refused().stream().map(Object::toString).toList()),
          unused.size(), String.join("\n  ", unused), coverage.unused().size() - unused.size(), CANNOT_EXERCISE,
          renewals.count());
      figure = coverage.refused().isEmpty()
          ? "%d (verb, resource) pairs used, all granted; %d grants unused%s".formatted(coverage.used().size(), unused.size(),
              CANNOT_EXERCISE.isEmpty() ? "" : " (+%d the mock cannot exercise, allow-listed)".formatted(CANNOT_EXERCISE.size()))
          : "%d (verb, resource) pairs used, %d REFUSED: %s".formatted(coverage.used().size() + coverage.refused().size(),
              coverage.refused().size(), coverage.refused());
      assertThat(coverage.refused()).as("requests rbac.yaml does not grant (verb group resource)").isEmpty();
      if (lifeFailure != null) {
        throw lifeFailure;
      }
      assertThat(unused).as("grants never used (remove them, or allow-list them with why the mock cannot use them)").isEmpty();
      assertThat(renewals.count()).as("Lease renewals").isGreaterThanOrEqualTo(2);
      passed = true;
    } finally {
      Scorecard.record(16, "Operator: RBAC grants exactly what is used", passed, figure);
    }
  }

  /** Distinct renewTimes of the operator's Lease seen so far, less the first (its acquisition). */
  private static final class LeaseRenewals {
    private final KubernetesClient client;
    private final Set<Object> renewTimes = ConcurrentHashMap.newKeySet();

    LeaseRenewals(KubernetesClient client) {
      this.client = client;
    }

    /** Waits for them, but does not fail: the caller asserts, after saying what was refused. */
    void awaitAtLeast(int renewals, Duration atMost) {
      try {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> count() >= renewals);
      } catch (ConditionTimeoutException e) {
        // asserted later
      }
    }

    int count() {
      Optional.ofNullable(client.leases().inNamespace(LEASE_NAMESPACE).withName("taskapp-operator").get())
          .map(Lease::getSpec).map(s -> s.getRenewTime()).ifPresent(renewTimes::add);
      return Math.max(0, renewTimes.size() - 1);
    }
  }

  /** A TaskApp's life: created with an Ingress, changed, grown, its children deleted, then deleted itself. */
  private record Life(KubernetesClient client) {

    private static final String NAME = "rbac";

    void live() {
      var app = TestTaskApps.minimal(NAME);
      var frontend = new FrontendSpec();
      var ingress = new IngressSpec();
      ingress.setHost(NAME + ".example.com");
      frontend.setIngress(ingress);
      app.getSpec().setFrontend(frontend);
      client.resource(app).create();
      awaitReady();

      // The StatefulSet controller's part, which the mock lacks: the claim from the volumeClaimTemplate,
      // given the default StorageClass as the DefaultStorageClass admission plugin does.
      var template = get(StatefulSet.class, NAME + "-db").getSpec().getVolumeClaimTemplates().getFirst();
      client.resource(new PersistentVolumeClaimBuilder(template).editMetadata().withName("data-" + NAME + "-db-0")
          .withNamespace(NS).endMetadata().editSpec().withStorageClassName(MockCluster.STANDARD_STORAGE).endSpec().build()).create();

      // A spec change each workload and the Ingress follow (update).
      edit(a -> {
        a.getSpec().getFrontend().setReplicas(2);
        a.getSpec().getFrontend().getIngress().setHost(NAME + "-2.example.com");
        var database = new DatabaseSpec();
        database.setImage("postgres:17.2-alpine");
        a.getSpec().setDatabase(database);
        return a;
      });
      await().atMost(Duration.ofSeconds(15)).until(() -> get(Deployment.class, NAME + "-frontend").getSpec().getReplicas() == 2
          && get(Ingress.class, NAME + "-frontend").getSpec().getRules().getFirst().getHost().equals(NAME + "-2.example.com")
          && get(StatefulSet.class, NAME + "-db").getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()
              .equals("postgres:17.2-alpine"));
      awaitReady();

      // Hand edits of the objects no spec field changes are put back (update).
      client.services().inNamespace(NS).withName(NAME + "-backend").edit(service -> {
        service.getSpec().getPorts().getFirst().setPort(1234);
        return service;
      });
      client.network().v1().networkPolicies().inNamespace(NS).withName(NAME + "-backend").edit(policy -> {
        policy.getSpec().getIngress().getFirst().getPorts().getFirst().setPort(new IntOrString(1234));
        return policy;
      });
      await().atMost(Duration.ofSeconds(15)).until(() ->
          get(Service.class, NAME + "-backend").getSpec().getPorts().getFirst().getPort() == Tier.BACKEND.port()
          && get(NetworkPolicy.class, NAME + "-backend").getSpec().getIngress().getFirst().getPorts().getFirst().getPort()
              .getIntVal() == Tier.BACKEND.port());

      edit(a -> {
        a.getSpec().getDatabase().setStorage("2Gi");
        return a;
      });
      await().atMost(Duration.ofSeconds(15)).until(() -> new Quantity("2Gi").equals(
          get(PersistentVolumeClaim.class, "data-" + NAME + "-db-0").getSpec().getResources().getRequests().get("storage")));

      // The credentials follow deletionPolicy: owned by the TaskApp with Delete, not with Retain (patch).
      edit(a -> {
        a.getSpec().getDatabase().setDeletionPolicy(DeletionPolicy.Delete);
        return a;
      });
      await().atMost(Duration.ofSeconds(15)).until(() -> !get(Secret.class, NAME + "-credentials").getMetadata().getOwnerReferences().isEmpty());

      for (var child : List.<HasMetadata>of(get(Service.class, NAME + "-backend"), get(NetworkPolicy.class, NAME + "-db"),
          get(StatefulSet.class, NAME + "-db"), get(Deployment.class, NAME + "-frontend"), get(Ingress.class, NAME + "-frontend"))) {
        client.resource(child).delete();
        await().atMost(Duration.ofSeconds(15)).until(() -> Optional.ofNullable(get(child.getClass(), child.getMetadata().getName()))
            .map(o -> !o.getMetadata().getUid().equals(child.getMetadata().getUid())).orElse(false));
      }
      awaitReady();
      assertThat(blockingOwnerDeletion()).as("children with blockOwnerDeletion, which needs update on taskapps/finalizers"
          + " wherever the OwnerReferencesPermissionEnforcement admission plugin runs (OpenShift)").isEmpty();

      edit(a -> {
        a.getSpec().getFrontend().setIngress(null);
        return a;
      });
      await().atMost(Duration.ofSeconds(15)).until(() -> get(Ingress.class, NAME + "-frontend") == null);
      awaitReady();

      client.resource(get(TaskApp.class, NAME)).delete();
      await().atMost(Duration.ofSeconds(15)).until(() -> get(TaskApp.class, NAME) == null);
    }

    private List<String> blockingOwnerDeletion() {
      return Stream.of(Secret.class, Service.class, NetworkPolicy.class, StatefulSet.class, Deployment.class, Ingress.class)
          .flatMap(type -> client.resources(type).inNamespace(NS).list().getItems().stream())
          .filter(o -> o.getMetadata().getOwnerReferences().stream().anyMatch(r -> Boolean.TRUE.equals(r.getBlockOwnerDeletion())))
          .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }

    private void edit(UnaryOperator<TaskApp> change) {
      client.resources(TaskApp.class).inNamespace(NS).withName(NAME).edit(change);
    }

    private void awaitReady() {
      await().atMost(Duration.ofSeconds(30)).until(() -> Optional.ofNullable(get(TaskApp.class, NAME)).map(TaskApp::getStatus)
          .flatMap(s -> s.condition("Ready")).map(TaskAppCondition::isTrue).orElse(false)
          && java.util.Objects.equals(get(TaskApp.class, NAME).getStatus().getObservedGeneration(), get(TaskApp.class, NAME).getMetadata().getGeneration()));
    }

    private <T extends HasMetadata> T get(Class<T> type, String name) {
      return client.resources(type).inNamespace(NS).withName(name).get();
    }
  }
}
