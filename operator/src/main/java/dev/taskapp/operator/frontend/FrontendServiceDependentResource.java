package dev.taskapp.operator.frontend;

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

/** The frontend's address inside the cluster: http://NAME-frontend:3000 (and the Ingress backend). */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.FRONTEND_SELECTOR))
public class FrontendServiceDependentResource extends TaskAppDependentResource<Service> {

  public FrontendServiceDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public FrontendServiceDependentResource(Defaults defaults) {
    super(Service.class, defaults);
  }

  @Override
  protected Service build(EffectiveSpec spec) {
    return AppServices.build(spec, ResourceNames.frontend(spec.app()), Tier.FRONTEND);
  }
}
