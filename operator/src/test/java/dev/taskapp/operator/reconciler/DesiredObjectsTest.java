package dev.taskapp.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DesiredObjectsTest {

  @Test
  void listsExactlyTheDependentsOfTheWorkflow() {
    var workflow = TaskAppReconciler.class.getAnnotation(Workflow.class);
    var declared = Arrays.stream(workflow.dependents()).map(Dependent::type)
        .filter(Creator.class::isAssignableFrom).toList(); // the objects the operator creates
    var listed = DesiredObjects.dependents(TestTaskApps.DEFAULTS, n -> "x").stream().map(Object::getClass).toList();
    assertThat(listed).containsExactlyElementsOf(declared);
  }

  @Test
  void buildsEveryObjectOfATaskAppWithoutACluster() {
    var minimal = DesiredObjects.of(TestTaskApps.minimal("demo"), TestTaskApps.DEFAULTS, n -> "x");
    assertThat(minimal).extracting(HasMetadata::getKind)
        .containsExactly("Secret", "Service", "NetworkPolicy", "StatefulSet", "Service", "NetworkPolicy", "Deployment",
            "Service", "NetworkPolicy", "Deployment");
    assertThat(minimal).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(TestTaskApps.NAMESPACE));
    var full = DesiredObjects.of(TestTaskApps.full("demo"), TestTaskApps.DEFAULTS, n -> "x");
    assertThat(full).extracting(HasMetadata::getKind).endsWith("Ingress");
  }
}
