package dev.taskapp.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.Scorecard;
import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.ImagesSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.it.MockCluster;
import dev.taskapp.operator.it.RunningOperator;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Scenario 13: bad TaskApps are rejected by the CRD in k8s/crd (schema and CEL rules, evaluated as
 * the API server does), and mistakes the schema cannot see make the running operator report
 * Ready=False with reason InvalidSpec and a message naming the field.
 */
class InvalidTaskAppsIT {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private record Create(String what, String name, String spec, String expected) {
    Create(String what, String spec, String expected) {
      this(what, "bad", spec, expected);
    }
  }

  private record Update(String what, String before, String after, String expected) {}

  /** Bad specs for a create, each with a fragment of the error the API server gives. */
  private static final List<Create> BAD_CREATES = List.of(
      new Create("negative replicas", "backend: {replicas: -1}", "minimum"),
      new Create("replicas over 50", "frontend: {replicas: 51}", "maximum"),
      new Create("replicas as text", "backend: {replicas: two}", "integer"),
      new Create("bad storage quantity", "database: {storage: 10 GB}", "pattern"),
      new Create("bad memory quantity", "backend: {resources: {limits: {memory: 1gb}}}", "pattern"),
      new Create("bad cpu quantity", "frontend: {resources: {requests: {cpu: half}}}", "pattern"),
      new Create("unknown field (typo)", "backend: {replica: 2}", "replica"),
      new Create("unknown top-level field", "databse: {storage: 5Gi}", "databse"),
      new Create("unknown deletionPolicy", "database: {deletionPolicy: Destroy}", "enum"),
      new Create("ingress host not a DNS name", "frontend: {ingress: {host: Tasks_Example.com}}", "pattern"),
      new Create("ingress without host", "frontend: {ingress: {className: nginx}}", "host"),
      new Create("version with a space", "version: 1.0 beta", "pattern"),
      new Create("too many env entries", "backend: {env: {" + manyEnv(65) + "}}", "at most 64 properties"),
      // Issue 11: specs whose children the API server would refuse, leaving the stack half-made.
      new Create("name of 60 characters", "tasks-" + "x".repeat(54), "", "metadata.name may have at most " + ResourceNames.MAX_NAME_LENGTH + " characters"),
      new Create("name starting with a digit", "1tasks", "", "metadata.name must start with a lower-case letter"),
      new Create("name with a dot", "tasks.prod", "", "metadata.name must start with a lower-case letter"),
      new Create("cpu request above limit", "backend: {resources: {requests: {cpu: 1500m}, limits: {cpu: '1'}}}", "requests.cpu is above limits.cpu"),
      new Create("memory request above limit", "frontend: {resources: {requests: {memory: 1Gi}, limits: {memory: 512Mi}}}", "requests.memory is above limits.memory"),
      new Create("env name with a space", "backend: {env: {'LOG LEVEL': debug}}", "not a valid environment variable name"),
      new Create("env name starting with a digit", "frontend: {env: {1ST: x}}", "not a valid environment variable name"));

  /** Creates the issue 11 rules must still accept (controls). */
  private static final List<Create> GOOD_CREATES = List.of(
      new Create("the longest name", "t" + "x".repeat(ResourceNames.MAX_NAME_LENGTH - 1), "", null),
      new Create("requests equal to limits, other units", "backend: {resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {cpu: '0.5', memory: 1024Mi}}}", null),
      new Create("a limit without a request", "frontend: {resources: {limits: {cpu: 50m, memory: 64Mi}}}", null),
      new Create("env names with '.', '-' and '_'", "backend: {env: {log.level: debug, my-var: x, _X1: y}}", null));

  /** Bad updates: the CEL transition rules of spec.database and of the whole resource. */
  private static final List<Update> BAD_UPDATES = List.of(
      new Update("shrinking storage", "database: {storage: 10Gi}", "database: {storage: 5Gi}", "storage may not shrink"),
      new Update("shrinking the default storage", "database: {deletionPolicy: Retain}", "database: {storage: 512Mi}", "storage may not shrink"),
      new Update("changing storageClassName", "database: {storageClassName: standard}", "database: {storageClassName: fast}", "storageClassName is immutable"),
      new Update("removing storageClassName", "database: {storageClassName: standard, storage: 2Gi}", "database: {storage: 2Gi}",
          "storageClassName is immutable: it cannot be added or removed"),
      new Update("adding storageClassName", "database: {storage: 2Gi}", "database: {storage: 2Gi, storageClassName: fast}",
          "storageClassName is immutable: it cannot be added or removed"),
      new Update("adding storageClassName with the database block", "version: 0.1.0", "database: {storageClassName: fast}",
          "storageClassName is immutable: it cannot be added or removed"));

  /** Controls: what must still be accepted, so a rejection above means something. */
  private static final List<Update> GOOD_UPDATES = List.of(
      new Update("growing storage", "database: {storage: 10Gi}", "database: {storage: 20Gi}", null),
      new Update("same size, other unit", "database: {storage: 1Gi}", "database: {storage: 1024Mi}", null),
      new Update("same storageClassName", "database: {storageClassName: standard}", "database: {storageClassName: standard, storage: 2Gi}", null),
      new Update("more replicas", "backend: {replicas: 1}", "backend: {replicas: 50}", null),
      new Update("adding a database block without storageClassName", "version: 0.1.0", "database: {storage: 2Gi}", null));

  @Test
  void badSpecsAreRejectedBySchemaOrReportedAsInvalid() throws Exception {
    boolean passed = false;
    var figure = "not measured";
    int rejected = 0;
    int accepted = 0;
    int controls = 0;
    try {
      var crd = new TaskAppCrdRules(Path.of("../k8s/crd/taskapps.taskapp.dev-v1.yml"));
      for (var example : List.of("minimal.yaml", "full.yaml")) {
        assertThat(crd.create(YAML.unmarshal(Files.readString(Path.of("../k8s/examples", example)), Map.class)))
            .as("the example " + example + " is accepted").isEmpty();
        controls++;
      }
      for (var bad : BAD_CREATES) {
        var errors = crd.create(taskApp(bad.name(), bad.spec()));
        assertThat(errors).as(bad.what()).isNotEmpty().anySatisfy(e -> assertThat(e).contains(bad.expected()));
        rejected++;
      }
      for (var good : GOOD_CREATES) {
        assertThat(crd.create(taskApp(good.name(), good.spec()))).as(good.what()).isEmpty();
        controls++;
      }
      for (var bad : BAD_UPDATES) {
        assertThat(crd.create(taskApp(bad.after()))).as(bad.what() + " is fine on create").isEmpty();
        var errors = crd.update(taskApp(bad.before()), taskApp(bad.after()));
        assertThat(errors).as(bad.what()).isNotEmpty().anySatisfy(e -> assertThat(e).contains(bad.expected()));
        rejected++;
      }
      for (var good : GOOD_UPDATES) {
        assertThat(crd.update(taskApp(good.before()), taskApp(good.after()))).as(good.what()).isEmpty();
        controls++;
      }
      int rules = crd.rulesEvaluated();

      long start = System.nanoTime();
      accepted = semanticErrorsAreReported();
      figure = "schema/CEL rejected %d of %d bad specs (%d CEL rule evaluations, cel-java), %d of %d controls accepted; semantic errors -> Ready=False InvalidSpec %d of 3 in %.1f s"
          .formatted(rejected, BAD_CREATES.size() + BAD_UPDATES.size(), rules, controls, 2 + GOOD_CREATES.size() + GOOD_UPDATES.size(), accepted,
              (System.nanoTime() - start) / 1e9);
      passed = true;
    } finally {
      if (!passed && figure.equals("not measured")) {
        figure = "failed after %d bad specs rejected, %d controls accepted, %d semantic errors reported".formatted(rejected, controls, accepted);
      }
      Scorecard.record(13, "Operator: invalid TaskApps rejected by the CRD or reported InvalidSpec", passed, figure);
    }
  }

  /** Mistakes the schema cannot catch, on the running operator: @return how many were reported. */
  private int semanticErrorsAreReported() {
    var cases = new LinkedHashMap<String, Consumer<TaskApp>>();
    cases.put("spec.backend.env.DATABASE_URL", app -> {
      app.getSpec().setBackend(new dev.taskapp.operator.api.BackendSpec());
      app.getSpec().getBackend().setEnv(Map.of("DATABASE_URL", "postgresql://elsewhere/db", "LOG_LEVEL", "debug"));
    });
    cases.put("spec.frontend.env.BACKEND_URL", app -> {
      app.getSpec().setFrontend(new dev.taskapp.operator.api.FrontendSpec());
      app.getSpec().getFrontend().setEnv(Map.of("BACKEND_URL", "http://evil"));
    });
    cases.put("spec.images.backend", app -> {
      app.getSpec().setImages(new ImagesSpec());
      app.getSpec().getImages().setBackend("Registry.Example.com/Team/Backend:1.0 ");
    });
    int reported = 0;
    try (var cluster = new MockCluster(); var operator = new RunningOperator(cluster)) { // no kubelet: the verdict needs no pods
      var client = cluster.client();
      int i = 0;
      for (var entry : cases.entrySet()) {
        var app = TestTaskApps.minimal("invalid" + i++);
        entry.getValue().accept(app);
        client.resource(app).create();
      }
      i = 0;
      for (var field : cases.keySet()) {
        var name = "invalid" + i++;
        await().atMost(Duration.ofSeconds(20)).until(() -> ready(client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE)
            .withName(name).get()).filter(c -> "InvalidSpec".equals(c.getReason())).isPresent());
        var ready = ready(client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName(name).get()).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getMessage()).as(name).startsWith("Invalid spec: ").contains(field);
        assertThat(client.v1().events().inNamespace(TestTaskApps.NAMESPACE).list().getItems())
            .filteredOn(e -> e.getInvolvedObject().getName().equals(name) && "InvalidSpec".equals(e.getReason()))
            .as("Warning events for " + name).isNotEmpty().allSatisfy(e -> assertThat(e.getType()).isEqualTo("Warning"));
        reported++;
      }
    }
    return reported;
  }

  private static Optional<TaskAppCondition> ready(TaskApp app) {
    return Optional.ofNullable(app).map(TaskApp::getStatus).flatMap(s -> s.condition("Ready"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> taskApp(String spec) {
    return taskApp("bad", spec);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> taskApp(String name, String spec) {
    return YAML.unmarshal("apiVersion: taskapp.dev/v1alpha1\nkind: TaskApp\nmetadata: {name: '" + name + "'}\nspec: {" + spec + "}\n", Map.class);
  }

  private static String manyEnv(int count) {
    var env = new StringBuilder();
    for (int i = 0; i < count; i++) {
      env.append(i == 0 ? "" : ", ").append("VAR_").append(i).append(": x");
    }
    return env.toString();
  }
}
