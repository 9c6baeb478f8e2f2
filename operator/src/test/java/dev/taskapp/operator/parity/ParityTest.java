package dev.taskapp.operator.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.core.Tier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docker-compose.yml and the operator's objects for the default TaskApp agree, key by key, as
 * DESIGN.md's parity table says: one test per row of {@link ParityTable}, named by its Compose key.
 */
class ParityTest {

  static ParityInputs inputs;

  @BeforeAll
  static void load() throws Exception {
    inputs = ParityInputs.load();
  }

  @TestFactory
  Stream<DynamicTest> everyComposeKeyAgreesWithItsKubernetesCounterpart() {
    return inputs.table().rows().stream().map(row -> DynamicTest.dynamicTest(row.composeKey(),
        () -> assertThat(row.agrees()).as(row.mismatch()).isTrue()));
  }

  @Test
  void coversWhatDesignMdPromises() {
    var keys = inputs.table().rows().stream().map(ParityRow::composeKey).toList();
    for (var tier : Tier.values()) {
      var service = "services." + tier.component() + ".";
      assertThat(keys).contains(service + "image", service + "environment", service + "healthcheck.test",
          service + "healthcheck.start_period", service + "restart", service + "networks", service + "cap_drop", service + "user");
    }
    assertThat(keys).contains("services.backend.depends_on", "services.frontend.depends_on", "services.db.volumes",
        "services.backend.ports", "services.frontend.ports");
  }

  @Test
  void theWorkflowOrderIsTheComposeChain() {
    var order = new StartOrder(inputs.rendered(), inputs.defaults());
    assertThat(inputs.compose().dependsOn("backend")).containsExactly("db (healthy)");
    assertThat(order.waitsFor(Tier.BACKEND)).containsExactly("db (healthy)");
    assertThat(inputs.compose().dependsOn("frontend")).containsExactly("backend (healthy)");
    assertThat(order.waitsFor(Tier.FRONTEND)).containsExactly("backend (healthy)");
    assertThat(StartOrder.gated(inputs.rendered(), Tier.DATABASE)).isFalse();
    assertThat(StartOrder.gated(inputs.rendered(), Tier.BACKEND)).isTrue();
    assertThat(StartOrder.gated(inputs.rendered(), Tier.FRONTEND)).isTrue();
  }

  // The checks can fail: each drift below, made to a copy of the Compose file, is caught by name.

  @Test
  void aDifferentImageTagIsReportedWithBothValues() {
    var row = rowAfter("services.backend.image", c -> service(c, "backend").put("image", "taskapp/backend:9.9.9"));
    assertThat(row.agrees()).isFalse();
    assertThat(row.mismatch()).contains("services.backend.image", "taskapp/backend:9.9.9", "taskapp/backend:0.1.0");
  }

  @Test
  void theDatabaseOnTheFrontendsNetworkIsCaught() {
    var row = rowAfter("services.db.networks", c -> service(c, "frontend").put("networks", List.copyOf(
        inputs.compose().networks("db"))));
    assertThat(row.agrees()).isFalse();
    assertThat(row.composeValue()).contains("frontend");
  }

  @Test
  void aStartPeriodBeyondTheStartupBudgetIsCaught() {
    var row = rowAfter("services.backend.healthcheck.start_period",
        c -> healthcheck(c, "backend").put("start_period", "10m"));
    assertThat(row.agrees()).isFalse();
    assertThat(row.mismatch()).contains("600s", "120s");
  }

  @Test
  void anotherHealthEndpointOrAMissingVariableIsCaught() {
    assertThat(rowAfter("services.frontend.healthcheck.test",
        c -> healthcheck(c, "frontend").put("test", List.of("CMD", "curl", "-f", "http://127.0.0.1:3000/health"))).agrees()).isFalse();
    assertThat(rowAfter("services.backend.environment",
        c -> environment(c, "backend").remove("CORS_ORIGINS")).agrees()).isFalse();
  }

  @Test
  void onlyTheLaptopJvmOptionsMayBeComposeOnly() {
    assertThat(rowAfter("services.backend.environment", c -> { }).agrees()).isTrue();
    assertThat(rowAfter("services.backend.environment",
        c -> environment(c, "backend").put("LOGGING_LEVEL_ROOT", "debug")).agrees()).isFalse();
  }

  @Test
  void aRetryingCheckOfAnotherCommandOrATimeoutBelowTheProbesIsCaught() {
    assertThat(rowAfter("services.db.healthcheck.test", c -> healthcheck(c, "db").put("test",
        List.of("CMD-SHELL", "for try in $(seq 30); do pg_isready -q && exit 0; sleep 0.1; done; exit 1"))).agrees()).isFalse();
    assertThat(rowAfter("services.backend.healthcheck.timeout", c -> healthcheck(c, "backend").put("timeout", "2s")).agrees())
        .isFalse();
  }

  @Test
  void aComposeKeyWithoutARuleFails() {
    var row = rowAfter("services.db.privileged", c -> service(c, "db").put("privileged", true));
    assertThat(row.agrees()).isFalse();
    assertThat(row.note()).contains("no rule for this key");
  }

  private static ParityRow rowAfter(String key, java.util.function.Consumer<Map<String, Object>> change) {
    var root = deepCopy(inputs.compose().root());
    change.accept(root);
    var table = new ParityTable(new ComposeFile(root), inputs.rendered(), inputs.defaults(), inputs.imageUser());
    return table.rows().stream().filter(r -> r.composeKey().equals(key)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      return (T) new java.util.ArrayList<>(list.stream().map(ParityTest::deepCopy).toList());
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(Map<String, Object> root, String name) {
    return (Map<String, Object>) ((Map<String, Object>) root.get("services")).get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> healthcheck(Map<String, Object> root, String name) {
    return (Map<String, Object>) service(root, name).get("healthcheck");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(Map<String, Object> root, String name) {
    return (Map<String, Object>) service(root, name).get("environment");
  }
}
