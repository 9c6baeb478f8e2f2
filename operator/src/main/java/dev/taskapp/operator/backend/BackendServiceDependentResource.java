package dev.taskapp.operator.backend;

import dev.taskapp.operator.core.AppServices;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.TaskAppDependentResource;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The backend's address for the frontend: http://NAME-backend:5000. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.BACKEND_SELECTOR))
public class BackendServiceDependentResource extends TaskAppDependentResource<Service> {

  public BackendServiceDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public BackendServiceDependentResource(Defaults defaults) {
    super(Service.class, defaults);
  }

  @Override
  protected Service build(EffectiveSpec spec) {
    return AppServices.build(spec, ResourceNames.backend(spec.app()), Tier.BACKEND);
  }
}
