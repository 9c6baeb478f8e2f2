package dev.taskapp.operator.backend;

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

/** The backend accepts connections from the frontend pods only and talks to the db and DNS. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.BACKEND_SELECTOR))
public class BackendNetworkPolicyDependentResource extends TaskAppDependentResource<NetworkPolicy> {

  public BackendNetworkPolicyDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public BackendNetworkPolicyDependentResource(Defaults defaults) {
    super(NetworkPolicy.class, defaults);
  }

  @Override
  protected NetworkPolicy build(EffectiveSpec spec) {
    return NetworkPolicies.forTier(spec, ResourceNames.backend(spec.app()), Tier.BACKEND,
        NetworkPolicies.ingressFrom(spec.app(), Tier.FRONTEND, Tier.BACKEND),
        NetworkPolicies.egressTo(spec.app(), Tier.DATABASE), NetworkPolicies.dns());
  }
}
