package dev.taskapp.operator.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.backend.BackendDeploymentDependentResource;
import dev.taskapp.operator.core.EffectiveSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Map;
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
        Map.entry("cert-manager.io/cluster-issuer", "letsencrypt"),
        Map.entry(IngressAnnotations.RECORD, "cert-manager.io/cluster-issuer"));
  }

  @Test
  void anAnnotationTheSpecDropsIsRemovedAndOthersWritersAnnotationsStay() {
    var app = TestTaskApps.full("demo");
    var dependent = new FrontendIngressDependentResource(TestTaskApps.DEFAULTS);
    var live = new IngressBuilder(dependent.desired(app)).editMetadata()
        .addToAnnotations("ingress.kubernetes.io/backends", "{}").endMetadata().build(); // a controller's own
    app.getSpec().getFrontend().getIngress().setAnnotations(Map.of("nginx.ingress.kubernetes.io/proxy-body-size", "1m"));
    var desired = dependent.desired(app);

    assertThat(IngressAnnotations.withoutDropped(live, desired).getMetadata().getAnnotations())
        .containsOnlyKeys("ingress.kubernetes.io/backends", IngressAnnotations.RECORD);
    assertThat(IngressAnnotations.withoutDropped(desired, desired)).isSameAs(desired);
  }

  @Test
  void withoutACertificateSecretTheIngressIsPlainHttp() {
    var app = TestTaskApps.full("demo");
    app.getSpec().getFrontend().getIngress().setTlsSecretName(null);
    app.getSpec().getFrontend().getIngress().setAnnotations(null);
    var ingress = new FrontendIngressDependentResource(TestTaskApps.DEFAULTS).desired(app);

    assertThat(ingress.getSpec().getTls()).isNullOrEmpty();
    assertThat(ingress.getMetadata().getAnnotations()).containsExactly(Map.entry(IngressAnnotations.RECORD, ""));
    assertThat(corsOrigins(app)).isEqualTo("http://tasks.example.com");
  }
}
