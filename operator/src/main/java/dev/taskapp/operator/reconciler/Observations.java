package dev.taskapp.operator.reconciler;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Tier;
import dev.taskapp.operator.database.DatabaseStatefulSetDependentResource;
import dev.taskapp.operator.database.VolumeExpansion;
import dev.taskapp.operator.secret.CredentialsSecretDependentResource;
import dev.taskapp.operator.status.Observed;
import dev.taskapp.operator.status.PodFailures;
import dev.taskapp.operator.status.Refusal;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import java.util.Optional;

/** What one reconciliation sees of a TaskApp's children, from the informers' caches, as an {@link Observed}. */
final class Observations {

  private Observations() {}

  static Observed of(TaskApp app, Context<TaskApp> context, List<Refusal> refusals, Defaults defaults) {
    var database = context.getSecondaryResource(StatefulSet.class, TaskAppReconciler.DATABASE).orElse(null);
    return new Observed(
        database,
        context.getSecondaryResource(Deployment.class, TaskAppReconciler.BACKEND).orElse(null),
        context.getSecondaryResource(Deployment.class, TaskAppReconciler.FRONTEND).orElse(null),
        context.getSecondaryResource(Secret.class, TaskAppReconciler.SECRET).isEmpty()
            && CredentialsSecretDependentResource.dataOutlivesSecret(app, context.getClient()),
        refusals,
        context.getSecondaryResource(PersistentVolumeClaim.class)
            .flatMap(claim -> VolumeExpansion.blocked(app, claim, context.getClient())),
        PodFailures.byTier(context.getSecondaryResources(Pod.class)),
        Optional.ofNullable(database).flatMap(sts ->
            DatabaseStatefulSetDependentResource.imageChangeRefused(sts, new EffectiveSpec(app, defaults).image(Tier.DATABASE))));
  }
}
