package dev.taskapp.operator.database;

import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.NetworkPolicies;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.TaskAppDependentResource;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The db accepts connections from the backend pods only, and reaches nothing but DNS. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.DATABASE_SELECTOR))
public class DatabaseNetworkPolicyDependentResource extends TaskAppDependentResource<NetworkPolicy> {

  public DatabaseNetworkPolicyDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public DatabaseNetworkPolicyDependentResource(Defaults defaults) {
    super(NetworkPolicy.class, defaults);
  }

  @Override
  protected NetworkPolicy build(EffectiveSpec spec) {
    return NetworkPolicies.forTier(spec, ResourceNames.database(spec.app()), Tier.DATABASE,
        NetworkPolicies.ingressFrom(spec.app(), Tier.BACKEND, Tier.DATABASE),
        NetworkPolicies.dns());
  }
}
