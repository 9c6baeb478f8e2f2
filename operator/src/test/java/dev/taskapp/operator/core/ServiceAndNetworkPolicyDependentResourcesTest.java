package dev.taskapp.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.backend.BackendNetworkPolicyDependentResource;
import dev.taskapp.operator.backend.BackendServiceDependentResource;
import dev.taskapp.operator.database.DatabaseNetworkPolicyDependentResource;
import dev.taskapp.operator.database.DatabaseServiceDependentResource;
import dev.taskapp.operator.frontend.FrontendNetworkPolicyDependentResource;
import dev.taskapp.operator.frontend.FrontendServiceDependentResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

class ServiceAndNetworkPolicyDependentResourcesTest {

  private final dev.taskapp.operator.api.TaskApp app = TestTaskApps.minimal("demo");

  @Test
  void servicesSelectTheirTierOnTheComposePorts() {
    var db = new DatabaseServiceDependentResource(TestTaskApps.DEFAULTS).desired(app);
    var backend = new BackendServiceDependentResource(TestTaskApps.DEFAULTS).desired(app);
    var frontend = new FrontendServiceDependentResource(TestTaskApps.DEFAULTS).desired(app);

    assertThat(db.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(db.getSpec().getPorts().getFirst().getPort()).isEqualTo(5432);
    assertThat(db.getSpec().getSelector()).isEqualTo(Labels.selector(app, Tier.DATABASE));
    assertThat(backend.getMetadata().getName()).isEqualTo("demo-backend");
    assertThat(backend.getSpec().getPorts().getFirst().getPort()).isEqualTo(5000);
    assertThat(backend.getSpec().getSelector()).isEqualTo(Labels.selector(app, Tier.BACKEND));
    assertThat(frontend.getSpec().getPorts().getFirst().getPort()).isEqualTo(3000);
    assertThat(frontend.getSpec().getSelector()).isEqualTo(Labels.selector(app, Tier.FRONTEND));
    assertThat(frontend.getMetadata().getOwnerReferences()).hasSize(1);
  }

  @Test
  void databaseIsReachableOnlyFromBackendPods() {
    NetworkPolicy policy = new DatabaseNetworkPolicyDependentResource(TestTaskApps.DEFAULTS).desired(app);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Labels.selector(app, Tier.DATABASE));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    var rule = policy.getSpec().getIngress().getFirst();
    assertThat(policy.getSpec().getIngress()).hasSize(1);
    assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
        .isEqualTo(Labels.selector(app, Tier.BACKEND)));
    assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(5432));
    assertThat(policy.getSpec().getEgress()).singleElement()
        .satisfies(dns -> assertThat(dns.getPorts()).allSatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(53)));
  }

  @Test
  void backendIsReachableOnlyFromFrontendPodsAndReachesOnlyTheDatabase() {
    var policy = new BackendNetworkPolicyDependentResource(TestTaskApps.DEFAULTS).desired(app);
    assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Labels.selector(app, Tier.BACKEND));
    assertThat(policy.getSpec().getIngress()).hasSize(2);
    assertThat(policy.getSpec().getIngress().getFirst()).satisfies(rule -> assertThat(rule.getFrom()).singleElement()
        .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Labels.selector(app, Tier.FRONTEND))));
    assertOnlyScrapingOnTheManagementPort(policy.getSpec().getIngress().get(1));
    assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> {
      assertThat(rule.getTo()).singleElement().satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
          .isEqualTo(Labels.selector(app, Tier.DATABASE)));
      assertThat(rule.getPorts().getFirst().getPort().getIntVal()).isEqualTo(5432);
    });
  }

  @Test
  void frontendIsPublicOnItsPortAndReachesOnlyTheBackend() {
    var policy = new FrontendNetworkPolicyDependentResource(TestTaskApps.DEFAULTS).desired(app);
    assertThat(policy.getSpec().getIngress()).hasSize(2);
    assertThat(policy.getSpec().getIngress().getFirst()).satisfies(rule -> {
      assertThat(rule.getFrom()).isNullOrEmpty();
      assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(3000));
    });
    assertOnlyScrapingOnTheManagementPort(policy.getSpec().getIngress().get(1));
    assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getTo()).singleElement()
        .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Labels.selector(app, Tier.BACKEND))));
  }

  /** Issue 13: metrics only on the management port, from pods in the cluster, never from outside it. */
  private static void assertOnlyScrapingOnTheManagementPort(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule rule) {
    assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8081));
    assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
      assertThat(peer.getIpBlock()).isNull();
      assertThat(peer.getNamespaceSelector()).isNotNull();
      assertThat(peer.getPodSelector()).isNotNull();
    });
  }
}
