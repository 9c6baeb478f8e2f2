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
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL: one pod, its data on a PersistentVolumeClaim kept or deleted per deletionPolicy. */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.DATABASE_SELECTOR))
public class DatabaseStatefulSetDependentResource extends TaskAppDependentResource<StatefulSet> {

  public static final String DATA_PATH = "/var/lib/postgresql/data";
  /** A subdirectory, because initdb refuses a mount point that holds lost+found. */
  public static final String PGDATA = DATA_PATH + "/pgdata";
  /**
   * Time to start, including a crash recovery that replays a long WAL backlog: CloudNativePG's default
   * startDelay of one hour. The liveness probe only begins once the server has answered.
   */
  public static final int STARTUP_BUDGET_SECONDS = 3600;
  /** Probed often while starting (an exec is cheap), so the tiers above start soon after the db. */
  static final int STARTUP_PERIOD_SECONDS = 2;
  /** A server that does not answer for 3 × 10 s is hung: restarted (CloudNativePG's liveness figures). */
  static final int LIVENESS_PERIOD_SECONDS = 10;
  static final int LIVENESS_FAILURES = 3;
  /**
   * The postgres images stop with SIGINT, PostgreSQL's fast shutdown: clients are disconnected, open
   * transactions rolled back, then a shutdown checkpoint writes the dirty buffers. That checkpoint is
   * what takes time on a slow volume; SIGKILL before it ends loses nothing committed but costs a crash
   * recovery at the next start. (A smart shutdown, SIGTERM, would wait for the backend's pooled
   * connections, which never close by themselves.)
   */
  public static final long TERMINATION_GRACE_SECONDS = 300;
  /**
   * The PostgreSQL major that wrote the data directory, recorded when the operator creates the
   * StatefulSet or rolls it within a major: a hand-edited image (drift) does not change what the data is.
   */
  public static final String DATA_MAJOR = "taskapp.dev/postgres-major";

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
        .withStartupProbe(Probes.pgAnswers(STARTUP_PERIOD_SECONDS, STARTUP_BUDGET_SECONDS / STARTUP_PERIOD_SECONDS))
        .withReadinessProbe(Probes.pgAcceptsConnections())
        .withLivenessProbe(Probes.pgAnswers(LIVENESS_PERIOD_SECONDS, LIVENESS_FAILURES))
        .withSecurityContext(PodSecurity.container())
        .withVolumeMounts(
            PodSecurity.mount(ResourceNames.DATA_VOLUME, DATA_PATH),
            PodSecurity.mount("run", "/var/run/postgresql"),
            PodSecurity.mount("tmp", "/tmp"))
        .build();
    var metadata = metadata(spec, ResourceNames.database(app), Tier.DATABASE);
    PostgresMajor.of(spec.image(Tier.DATABASE)).ifPresent(major -> metadata.setAnnotations(Map.of(DATA_MAJOR, major)));
    return new StatefulSetBuilder()
        .withMetadata(metadata)
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
        .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
        .withSecurityContext(new PodSecurityContextBuilder(PodSecurity.pod(PodSecurity.POSTGRES_UID))
            // A large volume is chown'ed at every start otherwise, which can take longer than the start itself.
            .withFsGroupChangePolicy("OnRootMismatch").build())
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
   * larger storage reaches the claim through {@link DatabaseVolumeExpansionDependentResource}.) An
   * image of another PostgreSQL major is not rolled: the running image stays (see {@link PostgresMajor}).
   */
  @Override
  public Result<StatefulSet> match(StatefulSet actual, StatefulSet desired, TaskApp primary, Context<TaskApp> context) {
    return super.match(actual, applicable(actual, desired), primary, context);
  }

  @Override
  public StatefulSet update(StatefulSet actual, StatefulSet desired, TaskApp primary, Context<TaskApp> context) {
    return super.update(actual, applicable(actual, desired), primary, context);
  }

  /** The image the database runs now: the StatefulSet's, which the operator changes only within a major. */
  public static Optional<String> runningImage(StatefulSet sts) {
    return sts.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> Tier.DATABASE.component().equals(c.getName())).findFirst().map(Container::getImage);
  }

  /** Why the database may not be moved to this image, if it may not (see {@link PostgresMajor}). */
  public static Optional<String> imageChangeRefused(StatefulSet actual, String wanted) {
    var dataMajor = Optional.ofNullable(actual.getMetadata().getAnnotations()).map(a -> a.get(DATA_MAJOR));
    return runningImage(actual).flatMap(running -> PostgresMajor.refusal(dataMajor, running, wanted));
  }

  private static StatefulSet applicable(StatefulSet actual, StatefulSet desired) {
    var spec = new StatefulSetBuilder(desired).editSpec().withVolumeClaimTemplates(actual.getSpec().getVolumeClaimTemplates()).endSpec();
    var refused = runningImage(desired).flatMap(wanted -> imageChangeRefused(actual, wanted));
    if (refused.isPresent()) {
      // Stays as it is: the running image, and the data directory's major as recorded (or not).
      var annotations = new HashMap<>(Optional.ofNullable(desired.getMetadata().getAnnotations()).orElse(Map.of()));
      annotations.remove(DATA_MAJOR);
      Optional.ofNullable(actual.getMetadata().getAnnotations()).map(a -> a.get(DATA_MAJOR)).ifPresent(m -> annotations.put(DATA_MAJOR, m));
      spec.editMetadata().withAnnotations(annotations).endMetadata()
          .editSpec().editTemplate().editSpec().editMatchingContainer(c -> Tier.DATABASE.component().equals(c.getName()))
          .withImage(runningImage(actual).orElseThrow()).endContainer().endSpec().endTemplate().endSpec();
    }
    return spec.build();
  }
}
