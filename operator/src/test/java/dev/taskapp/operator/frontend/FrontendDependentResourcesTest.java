package dev.taskapp.operator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import org.junit.jupiter.api.Test;

class FrontendDependentResourcesTest {

  @Test
  void deploymentPointsAtTheBackendServiceAndIsGated() {
    var deployment = new FrontendDeploymentDependentResource(TestTaskApps.DEFAULTS).desired(TestTaskApps.full("demo"));
    var pod = deployment.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().getFirst();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(container.getImage()).isEqualTo("taskapp/frontend:0.2.0");
    assertThat(container.getEnv()).singleElement().satisfies(e -> {
      assertThat(e.getName()).isEqualTo("BACKEND_URL");
      assertThat(e.getValue()).isEqualTo("http://demo-backend:5000");
    });
    assertThat(container.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(3000));
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(3000);
    assertThat(pod.getReadinessGates()).singleElement().satisfies(g -> assertThat(g.getConditionType()).isEqualTo("taskapp.dev/dependencies-ready"));
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
  }

  @Test
  void ingressRoutesTheHostToTheFrontendService() {
    var app = TestTaskApps.full("demo");
    var ingress = new FrontendIngressDependentResource(TestTaskApps.DEFAULTS).desired(app);

    assertThat(ingress.getMetadata().getName()).isEqualTo("demo-frontend");
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    var rule = ingress.getSpec().getRules().getFirst();
    assertThat(rule.getHost()).isEqualTo("tasks.example.com");
    var backend = rule.getHttp().getPaths().getFirst().getBackend().getService();
    assertThat(backend.getName()).isEqualTo("demo-frontend");
    assertThat(backend.getPort().getName()).isEqualTo("http");
    assertThat(ingress.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(app.getMetadata().getUid()));
  }

  @Test
  void ingressExistsOnlyWhenAskedFor() {
    var condition = new IngressRequestedCondition();
    assertThat(condition.isMet(null, TestTaskApps.full("demo"), null)).isTrue();
    assertThat(condition.isMet(null, TestTaskApps.minimal("demo"), null)).isFalse();
  }
}
