package dev.taskapp.operator.database;

import dev.taskapp.operator.api.DeletionPolicy;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.PodSecurity;
import dev.taskapp.operator.core.Probes;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.TaskAppDependentResource;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/** PostgreSQL: one pod, its data on a PersistentVolumeClaim kept or deleted per deletionPolicy. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.DATABASE_SELECTOR))
public class DatabaseStatefulSetDependentResource extends TaskAppDependentResource<StatefulSet> {

  public static final String DATA_PATH = "/var/lib/postgresql/data";
  /** A subdirectory, because initdb refuses a mount point that holds lost+found. */
  public static final String PGDATA = DATA_PATH + "/pgdata";

  public DatabaseStatefulSetDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public DatabaseStatefulSetDependentResource(Defaults defaults) {
    super(StatefulSet.class, defaults);
  }

  @Override
  protected StatefulSet build(EffectiveSpec spec) {
    var app = spec.app();
    var policy = spec.deletionPolicy() == DeletionPolicy.Delete ? "Delete" : "Retain";
    var db = new ContainerBuilder()
        .withName(Tier.DATABASE.component())
        .withImage(spec.image(Tier.DATABASE))
        .addNewPort().withName("postgres").withContainerPort(Tier.DATABASE.port()).endPort()
        .withEnv(env(app))
        .withResources(spec.resources(Tier.DATABASE))
        .withStartupProbe(Probes.pgIsReady(2, 60))
        .withReadinessProbe(Probes.pgIsReady(5, 3))
        .withSecurityContext(PodSecurity.container())
        .withVolumeMounts(
            PodSecurity.mount(ResourceNames.DATA_VOLUME, DATA_PATH),
            PodSecurity.mount("run", "/var/run/postgresql"),
            PodSecurity.mount("tmp", "/tmp"))
        .build();
    return new StatefulSetBuilder()
        .withMetadata(metadata(spec, ResourceNames.database(app), Tier.DATABASE))
        .withNewSpec()
        .withReplicas(1)
        .withServiceName(ResourceNames.database(app))
        .withNewSelector().withMatchLabels(Labels.selector(app, Tier.DATABASE)).endSelector()
        .withNewPersistentVolumeClaimRetentionPolicy().withWhenDeleted(policy).withWhenScaled("Retain").endPersistentVolumeClaimRetentionPolicy()
        .withNewTemplate()
        .withNewMetadata().withLabels(Labels.of(app, Tier.DATABASE)).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withImagePullSecrets(spec.imagePullSecrets())
        .withSecurityContext(PodSecurity.pod(PodSecurity.POSTGRES_UID))
        .withContainers(db)
        .withVolumes(PodSecurity.scratch("run"), PodSecurity.scratch("tmp"))
        .endSpec()
        .endTemplate()
        .withVolumeClaimTemplates(new PersistentVolumeClaimBuilder()
            .withNewMetadata().withName(ResourceNames.DATA_VOLUME).withLabels(Labels.of(app, Tier.DATABASE)).endMetadata()
            .withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withStorageClassName(spec.storageClassName().orElse(null))
            .withNewResources().addToRequests("storage", new Quantity(spec.storage())).endResources()
            .endSpec()
            .build())
        .endSpec()
        .build();
  }

  private static List<EnvVar> env(TaskApp app) {
    return List.of(
        new EnvVarBuilder().withName("POSTGRES_DB").withValue(ResourceNames.DB_NAME).build(),
        new EnvVarBuilder().withName("POSTGRES_USER").withValue(ResourceNames.DB_USER).build(),
        new EnvVarBuilder().withName("POSTGRES_PASSWORD").withNewValueFrom()
            .withNewSecretKeyRef(ResourceNames.KEY_DB_PASSWORD, ResourceNames.secret(app), false)
            .endValueFrom().build(),
        new EnvVarBuilder().withName("PGDATA").withValue(PGDATA).build());
  }

  /**
   * A StatefulSet's volumeClaimTemplates are immutable: compare and update everything else. (A
   * larger storage reaches the claim through {@link DatabaseVolumeExpansionDependentResource}.)
   */
  @Override
  public Result<StatefulSet> match(StatefulSet actual, StatefulSet desired, TaskApp primary, Context<TaskApp> context) {
    return super.match(actual, withClaimTemplatesOf(actual, desired), primary, context);
  }

  @Override
  public StatefulSet update(StatefulSet actual, StatefulSet desired, TaskApp primary, Context<TaskApp> context) {
    return super.update(actual, withClaimTemplatesOf(actual, desired), primary, context);
  }

  private static StatefulSet withClaimTemplatesOf(StatefulSet actual, StatefulSet desired) {
    return new StatefulSetBuilder(desired).editSpec()
        .withVolumeClaimTemplates(actual.getSpec().getVolumeClaimTemplates())
        .endSpec().build();
  }
}
