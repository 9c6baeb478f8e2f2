package dev.taskapp.operator.frontend;

import dev.taskapp.operator.core.AppDeployments;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.TaskAppDependentResource;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/** The web UI; it calls the backend server-side through BACKEND_URL. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.FRONTEND_SELECTOR))
public class FrontendDeploymentDependentResource extends TaskAppDependentResource<Deployment> {

  public FrontendDeploymentDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public FrontendDeploymentDependentResource(Defaults defaults) {
    super(Deployment.class, defaults);
  }

  @Override
  protected Deployment build(EffectiveSpec spec) {
    return AppDeployments.build(spec, ResourceNames.frontend(spec.app()), Tier.FRONTEND, managedEnv(spec));
  }

  /** The variables the operator sets, which spec.frontend.env cannot override. */
  public static List<EnvVar> managedEnv(EffectiveSpec spec) {
    var backendUrl = "http://" + ResourceNames.backend(spec.app()) + ":" + Tier.BACKEND.port();
    return List.of(AppDeployments.value("BACKEND_URL", backendUrl));
  }
}
