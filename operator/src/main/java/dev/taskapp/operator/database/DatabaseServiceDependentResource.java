package dev.taskapp.operator.database;

import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.TaskAppDependentResource;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The headless Service the StatefulSet needs; its name is the db host in DATABASE_URL. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.DATABASE_SELECTOR))
public class DatabaseServiceDependentResource extends TaskAppDependentResource<Service> {

  public DatabaseServiceDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public DatabaseServiceDependentResource(Defaults defaults) {
    super(Service.class, defaults);
  }

  @Override
  protected Service build(EffectiveSpec spec) {
    return new ServiceBuilder()
        .withMetadata(metadata(spec, ResourceNames.database(spec.app()), Tier.DATABASE))
        .withNewSpec()
        .withClusterIP("None")
        .withSelector(Labels.selector(spec.app(), Tier.DATABASE))
        .addNewPort().withName("postgres").withPort(Tier.DATABASE.port()).withNewTargetPort("postgres").endPort()
        .endSpec()
        .build();
  }
}
