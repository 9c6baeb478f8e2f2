package dev.taskapp.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderCommandTest {

  static final Path MINIMAL = Path.of("../k8s/examples/minimal.yaml");
  static final Path FULL = Path.of("../k8s/examples/full.yaml");

  record Run(int exit, String out, String err) {}

  static Run render(String stdin, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var exit = new RenderCommand(TestTaskApps.DEFAULTS, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String kindsAndNames(String yaml) {
    var matcher = Pattern.compile("(?m)^kind: \"(\\w+)\"\\n(?:.*\\n)*?  name: \"([^\"]+)\"").matcher(yaml);
    var list = new StringBuilder();
    while (matcher.find()) {
      list.append(matcher.group(1)).append('/').append(matcher.group(2)).append(' ');
    }
    return list.toString().strip();
  }

  @Test
  void rendersTheMinimalTaskAppSortedByKindThenName() {
    var run = render("", "-f", MINIMAL.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(kindsAndNames(run.out())).isEqualTo(
        "NetworkPolicy/tasks-backend NetworkPolicy/tasks-db NetworkPolicy/tasks-frontend Secret/tasks-credentials "
            + "Service/tasks-backend Service/tasks-db Service/tasks-frontend StatefulSet/tasks-db "
            + "Deployment/tasks-backend Deployment/tasks-frontend");
    assertThat(run.out().split("(?m)^---$", -1)).hasSize(11); // ten documents
    assertThat(run.out()).contains("image: \"taskapp/backend:0.1.0\"", "image: \"postgres:17-alpine\"",
        "namespace: \"default\"", "uid: \"<uid of the TaskApp>\"");
  }

  @Test
  void rendersTheSameBytesEveryTime() {
    var first = render("", "-f", FULL.toString());
    var second = render("", "-f", FULL.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo(second.out());
    assertThat(kindsAndNames(first.out())).endsWith("Ingress/tasks-prod-frontend");
    assertThat(first.out()).contains("replicas: 2", "storage: \"10Gi\"", "host: \"tasks.example.com\"");
  }

  @Test
  void showsPlaceholdersInsteadOfSecretValues() {
    var out = render("", "-f", MINIMAL.toString()).out();
    assertThat(out).contains("database-password: \"<generated: 32 random characters>\"",
        "jwt-secret-key: \"<generated: 64 random characters>\"", "secret-key: \"<generated: 64 random characters>\"");
    assertThat(out).doesNotContain("\ndata:");
  }

  @Test
  void readsStandardInputWithoutFileOrWithDash() throws Exception {
    var yaml = Files.readString(MINIMAL);
    var fromFile = render("", "-f", MINIMAL.toString()).out();
    assertThat(render(yaml).out()).isEqualTo(fromFile);
    assertThat(render(yaml, "-f", "-").out()).isEqualTo(fromFile);
  }

  @Test
  void printsUsageOnHelp() {
    var run = render("", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("render [-f FILE]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not YAML              | 'spec: [unclosed'                                                              | not valid YAML at line 1
      not a mapping         | '- just a list'                                                                | expected a TaskApp
      wrong kind            | 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata: {name: x}'                 | apiVersion/kind is "apps/v1"/"Deployment", expected taskapp.dev/v1alpha1/TaskApp
      no name               | 'apiVersion: taskapp.dev/v1alpha1\\nkind: TaskApp\\nspec: {}'                  | metadata.name: is required
      replicas too high     | 'HEAD\\nspec: {backend: {replicas: 99}}'                                       | spec.backend.replicas: 99 is above the maximum 50 (Number of backend pods, 0 to 50. Default 1.)
      replicas not a number | 'HEAD\\nspec: {frontend: {replicas: two}}'                                     | spec.frontend.replicas: expected an integer, got "two"
      bad quantity          | 'HEAD\\nspec: {database: {storage: 10GB}}'                                     | spec.database.storage: "10GB" does not match
      bad memory            | 'HEAD\\nspec: {backend: {resources: {limits: {memory: lots}}}}'                | spec.backend.resources.limits.memory: "lots" does not match
      bad enum              | 'HEAD\\nspec: {database: {deletionPolicy: Keep}}'                              | spec.database.deletionPolicy: "Keep" is not one of [Delete, Retain]
      unknown spec field    | 'HEAD\\nspec: {backend: {replica: 2}}'                                         | spec.backend.replica: unknown field; known fields of spec.backend: env, replicas, resources
      unknown top field     | 'HEAD\\nspce: {}'                                                              | spce: unknown field
      version not a string  | 'HEAD\\nspec: {version: 1.0}'                                                  | spec.version: expected a string, got 1.0 (quote it)
      two documents         | 'HEAD\\n---\\nHEAD'                                                            | expected one TaskApp document, found 2
      name of 60 characters | 'apiVersion: taskapp.dev/v1alpha1\\nkind: TaskApp\\nmetadata: {name: tasks-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx}' | metadata.name may have at most 49 characters: the database StatefulSet is named NAME-db
      name starts with digit| 'apiVersion: taskapp.dev/v1alpha1\\nkind: TaskApp\\nmetadata: {name: 1tasks}'     | metadata.name must start with a lower-case letter
      cpu request > limit   | 'HEAD\\nspec: {backend: {resources: {requests: {cpu: 1500m}, limits: {cpu: 500m}}}}'   | spec.backend.resources: requests.cpu is above limits.cpu: a container may not request more than its limit; lower requests.cpu or raise limits.cpu
      memory request > limit| 'HEAD\\nspec: {frontend: {resources: {requests: {memory: 1Gi}, limits: {memory: 512Mi}}}}' | spec.frontend.resources: requests.memory is above limits.memory
      bad env name          | 'HEAD\\nspec: {backend: {env: {LOG LEVEL: debug}}}'                              | spec.backend.env: has a name that is not a valid environment variable name
      """)
  void rejectsBadInputWithOneLineSayingWhereAndWhat(String what, String yaml, String message, @TempDir Path dir) throws Exception {
    var file = dir.resolve("bad.yaml");
    Files.writeString(file, yaml.replace("\\n", "\n")
        .replace("HEAD", "apiVersion: taskapp.dev/v1alpha1\nkind: TaskApp\nmetadata: {name: tasks}"));
    var run = render("", "-f", file.toString());
    assertThat(run.exit()).as(what).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).as(what).startsWith("error: " + file + ": ").contains(message);
    assertThat(run.err().strip().lines()).as("one line").hasSize(1);
  }

  @Test
  void namesAMissingFileAndAnUnknownArgument() {
    var missing = render("", "-f", "no/such.yaml");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: no/such.yaml: no such file");
    var unknown = render("", "--frobnicate");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown argument: --frobnicate");
  }
}
