package dev.taskapp.operator.core;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The ClusterIP Service in front of a tier (Compose: the service name on the network). */
public final class AppServices {

  private AppServices() {}

  public static Service build(EffectiveSpec spec, String name, Tier tier) {
    return new ServiceBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(name).withNamespace(spec.namespace()).withLabels(Labels.of(spec.app(), tier)).build())
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Labels.selector(spec.app(), tier))
        .addNewPort().withName("http").withProtocol("TCP").withPort(tier.port()).withNewTargetPort("http").endPort()
        .endSpec()
        .build();
  }
}
