package dev.taskapp.operator.frontend;

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

/** The frontend is the public tier (port 3000 from anywhere) and talks only to the backend and DNS. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.FRONTEND_SELECTOR))
public class FrontendNetworkPolicyDependentResource extends TaskAppDependentResource<NetworkPolicy> {

  public FrontendNetworkPolicyDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public FrontendNetworkPolicyDependentResource(Defaults defaults) {
    super(NetworkPolicy.class, defaults);
  }

  @Override
  protected NetworkPolicy build(EffectiveSpec spec) {
    return NetworkPolicies.forTier(spec, ResourceNames.frontend(spec.app()), Tier.FRONTEND,
        NetworkPolicies.ingressFromAnywhere(Tier.FRONTEND),
        NetworkPolicies.egressTo(spec.app(), Tier.BACKEND), NetworkPolicies.dns());
  }
}
