package dev.taskapp.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.ComputeResources;
import dev.taskapp.operator.api.ResourcesSpec;
import dev.taskapp.operator.backend.BackendDeploymentDependentResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerFormTest {

  private final BackendDeploymentDependentResource dependent = new BackendDeploymentDependentResource(TestTaskApps.DEFAULTS);

  @Test
  void equalAmountsTakeTheServersSpellingAndRealChangesStay() {
    var app = TestTaskApps.minimal("demo");
    var resources = new ResourcesSpec();
    resources.setLimits(new ComputeResources("1000m", "1024Mi"));
    app.getSpec().setBackend(new dev.taskapp.operator.api.BackendSpec());
    app.getSpec().getBackend().setResources(resources);

    var desired = dependent.desired(app);
    var stored = new DeploymentBuilder(desired).build();
    stored.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources()
        .setLimits(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")));
    ServerForm.adoptEquivalentQuantities(stored, desired);
    assertThat(desired.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources().getLimits().get("cpu").toString())
        .isEqualTo("1");

    var changed = dependent.desired(app);
    changed.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources()
        .setLimits(Map.of("cpu", new Quantity("2"), "memory", new Quantity("1Gi")));
    ServerForm.adoptEquivalentQuantities(stored, changed);
    assertThat(changed.getSpec().getTemplate().getSpec().getContainers().getFirst().getResources().getLimits().get("cpu"))
        .hasToString("2");
  }
}
