package dev.taskapp.operator.core;

import dev.taskapp.operator.api.TaskApp;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

/** The rules that mirror the Compose network: each tier is reached only from the tier above it. */
public final class NetworkPolicies {

  private NetworkPolicies() {}

  /**
   * The policy of one tier's pods: who may connect to them, and where they may connect to. The
   * backend and frontend also admit metrics scraping on their management port.
   */
  public static NetworkPolicy forTier(EffectiveSpec spec, String name, Tier tier,
      NetworkPolicyIngressRule ingress, NetworkPolicyEgressRule... egress) {
    var app = spec.app();
    var ingressRules = tier == Tier.DATABASE ? java.util.List.of(ingress) : java.util.List.of(ingress, scraping());
    return new NetworkPolicyBuilder()
        .withNewMetadata().withName(name).withNamespace(spec.namespace()).withLabels(Labels.of(app, tier)).endMetadata()
        .withNewSpec()
        .withNewPodSelector().withMatchLabels(Labels.selector(app, tier)).endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .withIngress(ingressRules)
        .withEgress(egress)
        .endSpec()
        .build();
  }

  /** Traffic to a tier's port from the pods of another tier of the same TaskApp. */
  public static NetworkPolicyIngressRule ingressFrom(TaskApp app, Tier from, Tier to) {
    return new NetworkPolicyIngressRuleBuilder()
        .withFrom(new NetworkPolicyPeerBuilder().withNewPodSelector().withMatchLabels(Labels.selector(app, from)).endPodSelector().build())
        .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(to.port())).build())
        .build();
  }

  /** Traffic to a tier's port from anywhere (the frontend: users, the ingress controller). */
  public static NetworkPolicyIngressRule ingressFromAnywhere(Tier to) {
    return new NetworkPolicyIngressRuleBuilder()
        .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(to.port())).build())
        .build();
  }

  /**
   * Prometheus, wherever it runs in the cluster (any pod of any namespace; not from outside it), to
   * the management port only. Kubelet probes need no rule.
   */
  public static NetworkPolicyIngressRule scraping() {
    return new NetworkPolicyIngressRuleBuilder()
        .withFrom(new NetworkPolicyPeerBuilder().withNewNamespaceSelector().endNamespaceSelector()
            .withNewPodSelector().endPodSelector().build())
        .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(Probes.MANAGEMENT_PORT)).build())
        .build();
  }

  /** Traffic from a tier to the pods of the tier below it. */
  public static NetworkPolicyEgressRule egressTo(TaskApp app, Tier to) {
    return new NetworkPolicyEgressRuleBuilder()
        .withTo(new NetworkPolicyPeerBuilder().withNewPodSelector().withMatchLabels(Labels.selector(app, to)).endPodSelector().build())
        .withPorts(new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(to.port())).build())
        .build();
  }

  /** Name resolution, which every pod needs (Compose's embedded DNS). */
  public static NetworkPolicyEgressRule dns() {
    return new NetworkPolicyEgressRuleBuilder()
        .withPorts(
            new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build(),
            new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build())
        .build();
  }
}
