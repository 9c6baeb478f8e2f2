package dev.taskapp.operator.backend;

import static dev.taskapp.operator.core.AppDeployments.fromSecret;
import static dev.taskapp.operator.core.AppDeployments.value;

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

/**
 * The REST API. DATABASE_URL is assembled by the kubelet from $(DB_PASSWORD) (dependent
 * environment variables), so the password lives only in the Secret, never in the pod spec.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.BACKEND_SELECTOR))
public class BackendDeploymentDependentResource extends TaskAppDependentResource<Deployment> {

  public BackendDeploymentDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public BackendDeploymentDependentResource(Defaults defaults) {
    super(Deployment.class, defaults);
  }

  @Override
  protected Deployment build(EffectiveSpec spec) {
    return AppDeployments.build(spec, ResourceNames.backend(spec.app()), Tier.BACKEND, managedEnv(spec));
  }

  /** The variables the operator sets, which spec.backend.env cannot override. */
  public static List<EnvVar> managedEnv(EffectiveSpec spec) {
    var app = spec.app();
    var secret = ResourceNames.secret(app);
    var databaseUrl = "postgresql://" + ResourceNames.DB_USER + ":$(DB_PASSWORD)@" + ResourceNames.database(app)
        + ":" + Tier.DATABASE.port() + "/" + ResourceNames.DB_NAME;
    return List.of(
        fromSecret("DB_PASSWORD", secret, ResourceNames.KEY_DB_PASSWORD),
        value("DATABASE_URL", databaseUrl),
        fromSecret("SECRET_KEY", secret, ResourceNames.KEY_SECRET_KEY),
        fromSecret("JWT_SECRET_KEY", secret, ResourceNames.KEY_JWT_SECRET_KEY),
        value("CORS_ORIGINS", spec.url()));
  }
}
