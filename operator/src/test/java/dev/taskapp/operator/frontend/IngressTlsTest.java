package dev.taskapp.operator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.backend.BackendDeploymentDependentResource;
import dev.taskapp.operator.core.EffectiveSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;

/** spec.frontend.ingress.tlsSecretName: a tls block on the Ingress, and https wherever the URL goes. */
class IngressTlsTest {

  private static String corsOrigins(dev.taskapp.operator.api.TaskApp app) {
    return new BackendDeploymentDependentResource(TestTaskApps.DEFAULTS).desired(app)
        .getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
        .filter(e -> e.getName().equals("CORS_ORIGINS")).map(EnvVar::getValue).findFirst().orElseThrow();
  }

  @Test
  void aCertificateSecretTurnsOnTlsForTheHostAndHttpsEverywhere() {
    var app = TestTaskApps.full("demo");
    var ingress = new FrontendIngressDependentResource(TestTaskApps.DEFAULTS).desired(app);

    assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
      assertThat(tls.getHosts()).containsExactly("tasks.example.com");
      assertThat(tls.getSecretName()).isEqualTo("tasks-example-com-tls");
    });
    assertThat(new EffectiveSpec(app, TestTaskApps.DEFAULTS).url()).isEqualTo("https://tasks.example.com");
    assertThat(corsOrigins(app)).isEqualTo("https://tasks.example.com");
  }

  @Test
  void annotationsPassThroughForCertManagerAndTheController() {
    var ingress = new FrontendIngressDependentResource(TestTaskApps.DEFAULTS).desired(TestTaskApps.full("demo"));
    assertThat(ingress.getMetadata().getAnnotations()).containsExactly(
        java.util.Map.entry("cert-manager.io/cluster-issuer", "letsencrypt"));
  }

  @Test
  void withoutACertificateSecretTheIngressIsPlainHttp() {
    var app = TestTaskApps.full("demo");
    app.getSpec().getFrontend().getIngress().setTlsSecretName(null);
    app.getSpec().getFrontend().getIngress().setAnnotations(null);
    var ingress = new FrontendIngressDependentResource(TestTaskApps.DEFAULTS).desired(app);

    assertThat(ingress.getSpec().getTls()).isNullOrEmpty();
    assertThat(ingress.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(corsOrigins(app)).isEqualTo("http://tasks.example.com");
  }
}
