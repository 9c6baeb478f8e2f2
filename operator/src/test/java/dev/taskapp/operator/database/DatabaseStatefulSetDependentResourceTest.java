package dev.taskapp.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.Labels;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatabaseStatefulSetDependentResourceTest {

  private final DatabaseStatefulSetDependentResource dependent = new DatabaseStatefulSetDependentResource(TestTaskApps.DEFAULTS);

  @Test
  void runsTheDefaultPostgresWithTheComposeVariables() {
    var app = TestTaskApps.minimal("demo");
    var sts = dependent.desired(app);
    var container = sts.getSpec().getTemplate().getSpec().getContainers().getFirst();

    assertThat(sts.getMetadata().getName()).isEqualTo("demo-db");
    assertThat(sts.getSpec().getServiceName()).isEqualTo("demo-db");
    assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
    assertThat(container.getImage()).isEqualTo("postgres:17-alpine");
    assertThat(container.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(5432));
    Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(env).containsOnlyKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "PGDATA");
    assertThat(env.get("POSTGRES_PASSWORD").getValue()).isNull();
    assertThat(env.get("POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getName()).isEqualTo("demo-credentials");
    assertThat(env.get("POSTGRES_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo("database-password");
    assertThat(env.get("PGDATA").getValue()).startsWith("/var/lib/postgresql/data/");
    assertThat(container.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getName()).isEqualTo("data");
      assertThat(m.getMountPath()).isEqualTo("/var/lib/postgresql/data");
    });
    assertThat(container.getReadinessProbe().getExec().getCommand()).containsExactly("pg_isready", "-h", "127.0.0.1");
    assertThat(String.join(" ", container.getStartupProbe().getExec().getCommand())).contains("pg_isready -h 127.0.0.1");
  }

  @Test
  void aLongCrashRecoveryIsNotKilledButAHungServerIs() {
    var container = dependent.desired(TestTaskApps.minimal("demo")).getSpec().getTemplate().getSpec().getContainers().getFirst();
    var startup = container.getStartupProbe();
    var liveness = container.getLivenessProbe();

    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).as("startup budget, s").isEqualTo(3600);
    assertThat(liveness.getPeriodSeconds() * liveness.getFailureThreshold()).as("a hung server restarted after, s").isEqualTo(30);
    assertThat(liveness.getTimeoutSeconds()).isLessThan(liveness.getPeriodSeconds());
    // Alive means "answers", even "rejecting connections" (pg_isready exit 1) while it recovers; 2 is no answer.
    for (var probe : java.util.List.of(startup, liveness)) {
      assertThat(probe.getExec().getCommand()).containsExactly("sh", "-c", "pg_isready -h 127.0.0.1 -t 3 >/dev/null; [ $? -le 1 ]");
    }
    assertThat(container.getReadinessProbe().getPeriodSeconds() * container.getReadinessProbe().getFailureThreshold())
        .as("out of the Service within, s").isEqualTo(15);
  }

  @Test
  void shutsDownCleanlyAndDoesNotChownTheVolumeAtEveryStart() {
    var pod = dependent.desired(TestTaskApps.minimal("demo")).getSpec().getTemplate().getSpec();
    assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(300L);
    assertThat(pod.getSecurityContext().getFsGroupChangePolicy()).isEqualTo("OnRootMismatch");
  }

  @Test
  void recordsTheMajorTheDataDirectoryIsWrittenWith() {
    assertThat(dependent.desired(TestTaskApps.minimal("demo")).getMetadata().getAnnotations())
        .containsEntry(DatabaseStatefulSetDependentResource.DATA_MAJOR, "17");
  }

  @Test
  void sizesTheContainerFromSpecDatabaseResources() {
    var app = TestTaskApps.minimal("demo");
    var resources = new dev.taskapp.operator.api.ResourcesSpec();
    resources.setRequests(new dev.taskapp.operator.api.ComputeResources("250m", "1Gi"));
    resources.setLimits(new dev.taskapp.operator.api.ComputeResources(null, "2Gi"));
    var db = new dev.taskapp.operator.api.DatabaseSpec();
    db.setResources(resources);
    app.getSpec().setDatabase(db);

    var container = dependent.desired(app).getSpec().getTemplate().getSpec().getContainers().getFirst();
    assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("1Gi"));
    assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity("1")).containsEntry("memory", new Quantity("2Gi"));
  }

  @Test
  void keepsTheDataUnlessAskedAndSizesTheClaim() {
    var retained = dependent.desired(TestTaskApps.minimal("demo"));
    assertThat(retained.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    var claim = retained.getSpec().getVolumeClaimTemplates().getFirst();
    assertThat(claim.getMetadata().getName()).isEqualTo("data");
    assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Gi"));
    assertThat(claim.getSpec().getStorageClassName()).isNull();

    var full = dependent.desired(TestTaskApps.full("demo"));
    assertThat(full.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Delete");
    assertThat(full.getSpec().getVolumeClaimTemplates().getFirst().getSpec().getResources().getRequests())
        .containsEntry("storage", new Quantity("5Gi"));
    assertThat(full.getSpec().getVolumeClaimTemplates().getFirst().getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(full.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
        .isEqualTo("registry.example.com/postgres:17.2-alpine");
  }

  @Test
  void theOperatorsEnvironmentChangesTheDefaultImage() {
    var defaults = Defaults.from(Map.of("TASKAPP_DATABASE_IMAGE", "docker.io/library/postgres:17"));
    var sts = new DatabaseStatefulSetDependentResource(defaults).desired(TestTaskApps.minimal("demo"));
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("docker.io/library/postgres:17");
  }

  @Test
  void podIsRestrictedAndRunsAsThePostgresUser() {
    var app = TestTaskApps.minimal("demo");
    var sts = dependent.desired(app);
    var pod = sts.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().getFirst();

    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(70L);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(70L);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getVolumeMounts()).extracting("mountPath").contains("/tmp", "/var/run/postgresql");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");

    assertThat(sts.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(app.getMetadata().getUid()));
    assertThat(sts.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.selector(app, dev.taskapp.operator.core.Tier.DATABASE));
    assertThat(sts.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(sts.getSpec().getSelector().getMatchLabels());
  }
}
