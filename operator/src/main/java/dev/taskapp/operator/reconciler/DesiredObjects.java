package dev.taskapp.operator.reconciler;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.backend.BackendDeploymentDependentResource;
import dev.taskapp.operator.backend.BackendNetworkPolicyDependentResource;
import dev.taskapp.operator.backend.BackendServiceDependentResource;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.DesiredObject;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.database.DatabaseNetworkPolicyDependentResource;
import dev.taskapp.operator.database.DatabaseServiceDependentResource;
import dev.taskapp.operator.database.DatabaseStatefulSetDependentResource;
import dev.taskapp.operator.frontend.FrontendDeploymentDependentResource;
import dev.taskapp.operator.frontend.FrontendIngressDependentResource;
import dev.taskapp.operator.frontend.FrontendNetworkPolicyDependentResource;
import dev.taskapp.operator.frontend.FrontendServiceDependentResource;
import dev.taskapp.operator.secret.CredentialsSecretDependentResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Every object the operator creates for a TaskApp, built by the very dependents of its workflow
 * (TaskAppReconciler's @Workflow), without a cluster: for an offline render and for tests. (The
 * workflow's volume expansion only resizes a claim the StatefulSet made, so it is not listed.)
 */
public final class DesiredObjects {

  private DesiredObjects() {}

  /** The dependents in workflow order (db, backend, frontend). */
  public static List<DesiredObject<? extends HasMetadata>> dependents(Defaults defaults, IntFunction<String> secretValues) {
    return List.of(
        new CredentialsSecretDependentResource(secretValues),
        new DatabaseServiceDependentResource(defaults),
        new DatabaseNetworkPolicyDependentResource(defaults),
        new DatabaseStatefulSetDependentResource(defaults),
        new BackendServiceDependentResource(defaults),
        new BackendNetworkPolicyDependentResource(defaults),
        new BackendDeploymentDependentResource(defaults),
        new FrontendServiceDependentResource(defaults),
        new FrontendNetworkPolicyDependentResource(defaults),
        new FrontendDeploymentDependentResource(defaults),
        new FrontendIngressDependentResource(defaults));
  }

  /** The objects for one TaskApp; the Ingress only when the spec asks for one (as the workflow does). */
  public static List<HasMetadata> of(TaskApp app, Defaults defaults, IntFunction<String> secretValues) {
    var wantsIngress = new EffectiveSpec(app, defaults).ingress().isPresent();
    var objects = new ArrayList<HasMetadata>();
    for (var dependent : dependents(defaults, secretValues)) {
      if (dependent instanceof FrontendIngressDependentResource && !wantsIngress) {
        continue;
      }
      objects.add(dependent.desired(app));
    }
    return objects;
  }
}
