package dev.taskapp.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.DatabaseSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

class DatabaseVolumeExpansionDependentResourceTest {

  private final DatabaseVolumeExpansionDependentResource dependent = new DatabaseVolumeExpansionDependentResource(TestTaskApps.DEFAULTS);

  private static PersistentVolumeClaim claim(String storage) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName("data-demo-db-0").withNamespace(TestTaskApps.NAMESPACE)
        .addToLabels("app.kubernetes.io/instance", "demo").endMetadata()
        .withNewSpec().withVolumeName("pv-1").withNewResources().addToRequests("storage", new Quantity(storage)).endResources().endSpec()
        .build();
  }

  @Test
  void asksTheStatefulSetsClaimForTheSpecsStorage() {
    var app = TestTaskApps.minimal("demo");
    app.getSpec().setDatabase(new DatabaseSpec());
    app.getSpec().getDatabase().setStorage("5Gi");
    var desired = dependent.desired(app, null);
    assertThat(desired.getMetadata().getName()).isEqualTo("data-demo-db-0");
    assertThat(desired.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("5Gi"));

    assertThat(dependent.match(claim("1Gi"), desired, app, null).matched()).as("grow 1Gi -> 5Gi").isFalse();
    assertThat(dependent.match(claim("5120Mi"), desired, app, null).matched()).as("same amount").isTrue();
    assertThat(dependent.match(claim("10Gi"), desired, app, null).matched()).as("never shrink").isTrue();
  }

  @Test
  void findsItsTaskAppByTheInstanceLabel() {
    assertThat(dependent.toPrimaryResourceIDs(claim("1Gi"))).singleElement()
        .satisfies(id -> assertThat(id.getName()).isEqualTo("demo"));
  }
}
