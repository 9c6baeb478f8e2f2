package dev.taskapp.operator.core;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The Deployment shape backend and frontend share: restricted pod, probes, readiness gate. */
public final class AppDeployments {

  private AppDeployments() {}

  /**
   * @param env the variables the operator sets; the spec's extra variables are appended, except
   *     those that would override one of these
   */
  public static Deployment build(EffectiveSpec spec, String name, Tier tier, List<EnvVar> env) {
    var app = spec.app();
    Set<String> reserved = env.stream().map(EnvVar::getName).collect(Collectors.toSet());
    var allEnv = new ArrayList<>(env);
    spec.extraEnv(tier).forEach((key, value) -> {
      if (!reserved.contains(key)) {
        allEnv.add(new EnvVarBuilder().withName(key).withValue(value).build());
      }
    });
    var container = new ContainerBuilder()
        .withName(tier.component())
        .withImage(spec.image(tier))
        .addNewPort().withName("http").withContainerPort(tier.port()).endPort()
        .withEnv(allEnv)
        .withResources(spec.resources(tier))
        .withStartupProbe(Probes.startup())
        .withReadinessProbe(Probes.readiness(tier.port()))
        .withLivenessProbe(Probes.liveness())
        .withSecurityContext(PodSecurity.container())
        .withVolumeMounts(PodSecurity.mount("tmp", "/tmp"))
        .build();
    var podLabels = Labels.of(app, tier);
    podLabels.put(Labels.VERSION, spec.version());
    return new DeploymentBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(spec.namespace()).withLabels(Labels.of(app, tier)).build())
        .withNewSpec()
        .withReplicas(spec.replicas(tier))
        .withNewSelector().withMatchLabels(Labels.selector(app, tier)).endSelector()
        .withNewTemplate()
        // The usual scrape annotations: metrics are on the management port only.
        // Sorted: Map.of's order changes from one JVM to the next, and rendered manifests must not.
        .withNewMetadata().withLabels(podLabels).withAnnotations(new java.util.TreeMap<>(java.util.Map.of(
            "prometheus.io/scrape", "true", "prometheus.io/port", String.valueOf(Probes.MANAGEMENT_PORT),
            "prometheus.io/path", Probes.METRICS_PATH)))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withImagePullSecrets(spec.imagePullSecrets())
        .withSecurityContext(PodSecurity.pod(PodSecurity.APP_UID))
        .addNewReadinessGate().withConditionType(Readiness.GATE).endReadinessGate()
        .withContainers(container)
        .withVolumes(PodSecurity.scratch("tmp"))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  public static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  public static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef(key, secret, false).endValueFrom().build();
  }
}
