package dev.taskapp.operator.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.BackendSpec;
import dev.taskapp.operator.api.ComputeResources;
import dev.taskapp.operator.api.ResourcesSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BackendDeploymentDependentResourceTest {

  private final BackendDeploymentDependentResource dependent = new BackendDeploymentDependentResource(TestTaskApps.DEFAULTS);

  @Test
  void runsTheBackendImageOfTheVersion() {
    var minimal = dependent.desired(TestTaskApps.minimal("demo"));
    assertThat(minimal.getMetadata().getName()).isEqualTo("demo-backend");
    assertThat(minimal.getSpec().getReplicas()).isEqualTo(1);
    assertThat(minimal.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("taskapp/backend:0.1.0");
    assertThat(minimal.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(Labels.VERSION, "0.1.0");

    var full = dependent.desired(TestTaskApps.full("demo"));
    assertThat(full.getSpec().getReplicas()).isEqualTo(2);
    assertThat(full.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo("taskapp/backend:0.2.0");
  }

  @Test
  void readsItsSecretsFromTheSecretAndNeverHoldsThePassword() {
    var deployment = dependent.desired(TestTaskApps.minimal("demo"));
    var env = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
    Map<String, EnvVar> byName = env.stream().collect(Collectors.toMap(EnvVar::getName, e -> e));

    assertThat(byName).containsKeys("DATABASE_URL", "SECRET_KEY", "JWT_SECRET_KEY", "CORS_ORIGINS");
    assertThat(byName.get("DATABASE_URL").getValue()).isEqualTo("postgresql://taskapp:$(DB_PASSWORD)@demo-db:5432/taskapp");
    // $(DB_PASSWORD) expands only when DB_PASSWORD is declared before DATABASE_URL.
    assertThat(env.stream().map(EnvVar::getName).toList().indexOf("DB_PASSWORD"))
        .isLessThan(env.stream().map(EnvVar::getName).toList().indexOf("DATABASE_URL"));
    for (var name : new String[] {"DB_PASSWORD", "SECRET_KEY", "JWT_SECRET_KEY"}) {
      assertThat(byName.get(name).getValue()).as(name).isNull();
      assertThat(byName.get(name).getValueFrom().getSecretKeyRef().getName()).as(name).isEqualTo("demo-credentials");
    }
    assertThat(byName.get("CORS_ORIGINS").getValue()).isEqualTo("http://demo-frontend.tasks.svc:3000");
  }

  @Test
  void extraEnvironmentIsAddedButCannotOverrideTheOperatorsVariables() {
    var env = dependent.desired(TestTaskApps.full("demo")).getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
    assertThat(env).filteredOn(e -> e.getName().equals("LOG_LEVEL")).singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo("debug"));
    assertThat(env).filteredOn(e -> e.getName().equals("DATABASE_URL")).singleElement()
        .satisfies(e -> assertThat(e.getValue()).doesNotContain("evil"));
    assertThat(env).filteredOn(e -> e.getName().equals("CORS_ORIGINS")).singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo("https://tasks.example.com"));
  }

  @Test
  void podIsGatedOnTheDatabaseProbedAndRestricted() {
    var app = TestTaskApps.full("demo");
    var deployment = dependent.desired(app);
    var pod = deployment.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().getFirst();

    assertThat(pod.getReadinessGates()).singleElement().satisfies(g -> assertThat(g.getConditionType()).isEqualTo("taskapp.dev/dependencies-ready"));
    assertThat(container.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(5000));
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/api/health");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(5000);
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
    // Issue 13: Actuator lives on the management port, which no Service or Ingress exposes.
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8081);
    assertThat(container.getStartupProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8081);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("prometheus.io/port", "8081")
        .containsEntry("prometheus.io/path", "/actuator/prometheus");
    assertThat(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold()).isGreaterThanOrEqualTo(60);
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("512Mi"));
    assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("1Gi"));

    assertThat(deployment.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(app.getMetadata().getUid()));
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.selector(app, Tier.BACKEND));
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry(Labels.NAME, "taskapp").containsEntry(Labels.COMPONENT, "backend").containsEntry(Labels.PART_OF, "taskapp");
  }

  @Test
  void aLimitBelowTheDefaultRequestLowersTheRequestToIt() {
    // The default request is 100m CPU and 384Mi memory: a request above the limit would be refused.
    var deployment = dependent.desired(withResources(null, new ComputeResources("50m", "256Mi")));
    var resources = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources();
    assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("50m")).containsEntry("memory", new Quantity("256Mi"));
    assertThat(resources.getLimits()).containsEntry("cpu", new Quantity("50m")).containsEntry("memory", new Quantity("256Mi"));
  }

  @Test
  void aRequestAboveTheDefaultLimitRaisesTheLimitToIt() {
    // The default limit is 1 CPU and 768Mi memory.
    var deployment = dependent.desired(withResources(new ComputeResources("2", "1Gi"), null));
    var resources = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources();
    assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("1Gi"));
    assertThat(resources.getLimits()).containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("1Gi"));
  }

  @Test
  void defaultsThatFitWhatTheSpecSetsAreKept() {
    var deployment = dependent.desired(withResources(new ComputeResources(null, "128Mi"), new ComputeResources("500m", "2Gi")));
    var resources = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources();
    assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("100m")).containsEntry("memory", new Quantity("128Mi"));
    assertThat(resources.getLimits()).containsEntry("cpu", new Quantity("500m")).containsEntry("memory", new Quantity("2Gi"));
  }

  private static TaskApp withResources(ComputeResources requests, ComputeResources limits) {
    var app = TestTaskApps.minimal("demo");
    var resources = new ResourcesSpec();
    resources.setRequests(requests);
    resources.setLimits(limits);
    var backend = new BackendSpec();
    backend.setResources(resources);
    app.getSpec().setBackend(backend);
    return app;
  }
}
