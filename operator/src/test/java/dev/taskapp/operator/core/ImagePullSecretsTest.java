package dev.taskapp.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.reconciler.DesiredObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** spec.imagePullSecrets reaches every pod the operator makes, and nothing changes without it. */
class ImagePullSecretsTest {

  private static List<PodSpec> podSpecs(List<HasMetadata> objects) {
    return objects.stream().map(o -> switch (o) {
      case Deployment d -> Optional.of(d.getSpec().getTemplate().getSpec());
      case StatefulSet s -> Optional.of(s.getSpec().getTemplate().getSpec());
      default -> Optional.<PodSpec>empty();
    }).flatMap(Optional::stream).toList();
  }

  @Test
  void everyPodOfTheTaskAppGetsThePullSecrets() {
    var pods = podSpecs(DesiredObjects.of(TestTaskApps.full("demo"), TestTaskApps.DEFAULTS, n -> "x"));
    assertThat(pods).hasSize(3).allSatisfy(pod ->
        assertThat(pod.getImagePullSecrets()).containsExactly(new LocalObjectReference("registry-credentials")));
  }

  @Test
  void withoutThemThePodSpecsHaveNoPullSecretsField() {
    var app = TestTaskApps.minimal("demo");
    var pods = podSpecs(DesiredObjects.of(app, TestTaskApps.DEFAULTS, n -> "x"));
    assertThat(pods).hasSize(3).allSatisfy(pod -> assertThat(pod.getImagePullSecrets()).isNullOrEmpty());
    app.getSpec().setImagePullSecrets(List.of());
    assertThat(podSpecs(DesiredObjects.of(app, TestTaskApps.DEFAULTS, n -> "x")))
        .allSatisfy(pod -> assertThat(pod.getImagePullSecrets()).isNullOrEmpty());
  }
}
