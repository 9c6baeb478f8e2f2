package dev.taskapp.operator.database;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.ResourceNames;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.Set;

/**
 * Grows the database's PersistentVolumeClaim when spec.database.storage grows. The StatefulSet
 * controller creates the claim from its volumeClaimTemplate, which is immutable, so the operator
 * asks the claim itself for more (the StorageClass must allow volume expansion). It never creates
 * or deletes the claim, and never shrinks it (the CRD forbids a smaller storage anyway). Where the
 * StorageClass cannot grow volumes, it does not try (see {@link VolumeExpansion}).
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.DATABASE_SELECTOR))
public class DatabaseVolumeExpansionDependentResource extends KubernetesDependentResource<PersistentVolumeClaim, TaskApp>
    implements Updater<PersistentVolumeClaim, TaskApp>, SecondaryToPrimaryMapper<PersistentVolumeClaim> {

  private final Defaults defaults;

  public DatabaseVolumeExpansionDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public DatabaseVolumeExpansionDependentResource(Defaults defaults) {
    super(PersistentVolumeClaim.class);
    this.defaults = defaults;
  }

  /** Only what this dependent cares about: the claim's name and the storage it should request. */
  @Override
  protected PersistentVolumeClaim desired(TaskApp app, Context<TaskApp> context) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(ResourceNames.dataClaim(app)).withNamespace(app.getMetadata().getNamespace()).endMetadata()
        .withNewSpec().withNewResources().addToRequests("storage", new Quantity(new EffectiveSpec(app, defaults).storage())).endResources().endSpec()
        .build();
  }

  @Override
  public Result<PersistentVolumeClaim> match(PersistentVolumeClaim actual, PersistentVolumeClaim desired, TaskApp app, Context<TaskApp> context) {
    return Result.computed(VolumeExpansion.requested(desired).compareTo(VolumeExpansion.requested(actual)) <= 0, desired);
  }

  /**
   * A claim that cannot grow is left alone: the status says why ({@link VolumeExpansion}), and
   * nothing waits on a patch the API server would refuse.
   */
  @Override
  public ReconcileResult<PersistentVolumeClaim> reconcile(TaskApp app, Context<TaskApp> context) {
    var claim = getSecondaryResource(app, context);
    if (claim.isPresent() && VolumeExpansion.blocked(app, claim.get(), context.getClient()).isPresent()) {
      return ReconcileResult.noOperation(claim.get());
    }
    return super.reconcile(app, context);
  }

  @Override
  public PersistentVolumeClaim update(PersistentVolumeClaim actual, PersistentVolumeClaim desired, TaskApp app, Context<TaskApp> context) {
    var storage = desired.getSpec().getResources().getRequests().get("storage").toString();
    return context.getClient().persistentVolumeClaims().resource(actual).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + storage + "\"}}}}");
  }

  /** Found by the instance label the volumeClaimTemplate gives it (it has no owner reference to the TaskApp). */
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(PersistentVolumeClaim claim) {
    var instance = claim.getMetadata().getLabels() == null ? null : claim.getMetadata().getLabels().get(Labels.INSTANCE);
    return instance == null ? Set.of() : Set.of(new ResourceID(instance, claim.getMetadata().getNamespace()));
  }
}
