package dev.taskapp.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.render.InvalidTaskAppException;
import dev.taskapp.operator.render.TaskAppFile;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Render checks the CRD's CEL rules in Java (render.CrdRules: no CEL engine in the jar). The same
 * TaskApps go through the CRD's own rules (cel-java, TaskAppCrdRules) and through render: both must
 * accept or refuse each one, with the same message, and every rule of the CRD that a create meets must
 * have been reported by render at least once, so a rule added to the Java classes cannot be missed.
 */
class RenderRefusesWhatTheCrdRefusesTest {

  private static final Path CRD = Path.of("../k8s/crd/taskapps.taskapp.dev-v1.yml");
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private record Case(String name, String spec) {}

  private static final List<Case> CASES = List.of(
      new Case("tasks", "{}"),
      new Case("t" + "x".repeat(ResourceNames.MAX_NAME_LENGTH - 1), "{}"),
      new Case("t" + "x".repeat(ResourceNames.MAX_NAME_LENGTH), "{}"),
      new Case("tasks-" + "x".repeat(54), "{}"),
      new Case("1tasks", "{}"),
      new Case("tasks.prod", "{}"),
      new Case("tasks-2", "{backend: {resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: '0.5', memory: 1024Mi}}}}"),
      new Case("tasks", "{frontend: {resources: {limits: {cpu: 50m, memory: 64Mi}}}}"),
      new Case("tasks", "{backend: {resources: {requests: {cpu: 1001m}, limits: {cpu: '1'}}}}"),
      new Case("tasks", "{frontend: {resources: {requests: {cpu: '2'}, limits: {cpu: 1500m}}}}"),
      new Case("tasks", "{frontend: {resources: {requests: {memory: 1Gi}, limits: {memory: 1000Mi}}}}"),
      new Case("tasks", "{backend: {resources: {requests: {memory: 2G}, limits: {memory: 1Gi}}}}"),
      new Case("tasks", "{database: {resources: {requests: {cpu: 1500m, memory: 1Gi}, limits: {cpu: '1'}}}}"),
      new Case("tasks", "{database: {resources: {requests: {memory: 2Gi}, limits: {memory: 1Gi}}}}"),
      new Case("tasks", "{database: {resources: {requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: '2', memory: 2Gi}}}}"),
      new Case("tasks", "{backend: {env: {log.level: debug, my-var: x, _X1: y}}}"),
      new Case("tasks", "{backend: {env: {'LOG LEVEL': debug}}}"),
      new Case("tasks", "{frontend: {env: {1ST: x}}}"),
      new Case("tasks", "{frontend: {env: {'A=B': x}}}"));

  @Test
  @SuppressWarnings("unchecked")
  void renderAndTheCrdGiveTheSameVerdictAndMessage() throws Exception {
    var crd = new TaskAppCrdRules(CRD);
    var reported = new TreeSet<String>();
    for (var c : CASES) {
      var yaml = "apiVersion: taskapp.dev/v1alpha1\nkind: TaskApp\nmetadata: {name: '" + c.name() + "'}\nspec: " + c.spec() + "\n";
      Map<String, Object> taskApp = YAML.unmarshal(yaml, Map.class);
      var byCrd = crd.create(taskApp).stream().findFirst().map(RenderRefusesWhatTheCrdRefusesTest::asRenderSaysIt);
      var byRender = render(yaml);
      assertThat(byRender).as(c.toString()).isEqualTo(byCrd);
      byRender.ifPresent(reported::add);
    }
    assertThat(reported).as("a case for every rule of the CRD that applies to a create")
        .allSatisfy(r -> assertThat(createRuleMessages()).anySatisfy(m -> assertThat(r).endsWith(m)));
    assertThat(createRuleMessages()).allSatisfy(m -> assertThat(reported).anySatisfy(r -> assertThat(r).endsWith(m)));
  }

  /** TaskAppCrdRules writes ".spec.x: message", or ": message" for a rule on the whole resource. */
  private static String asRenderSaysIt(String error) {
    return "case: " + (error.startsWith(": ") ? error.substring(2) : error.substring(1));
  }

  private static Optional<String> render(String yaml) {
    try {
      TaskAppFile.parse(yaml, "case");
      return Optional.empty();
    } catch (InvalidTaskAppException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The messages of the CRD's rules that do not read oldSelf, i.e. that a create (and a render) meets. */
  @SuppressWarnings("unchecked")
  private static List<String> createRuleMessages() throws Exception {
    var messages = new ArrayList<String>();
    collect(YAML.unmarshal(Files.readString(CRD), Map.class), messages);
    return messages;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<String> messages) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("x-kubernetes-validations") instanceof List<?> rules) {
        for (var rule : (List<Map<String, String>>) rules) {
          if (!rule.get("rule").contains("oldSelf")) {
            messages.add(rule.get("message"));
          }
        }
      }
      map.values().forEach(v -> collect(v, messages));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collect(v, messages));
    }
  }
}
