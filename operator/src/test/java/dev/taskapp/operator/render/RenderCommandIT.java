package dev.taskapp.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a user runs it: `java -jar target/taskapp-operator.jar render ...`. */
class RenderCommandIT {

  static final Path JAR = Path.of("target/taskapp-operator.jar");

  record Result(int exit, String out, String err) {}

  static Result java(String stdin, String... args) throws Exception {
    var command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  @Test
  void rendersAFileAndStandardInput() throws Exception {
    assertThat(JAR).as("built by the package phase").exists();
    var fromFile = java("", "render", "-f", "../k8s/examples/full.yaml");
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    assertThat(fromFile.out()).contains("kind: \"StatefulSet\"", "kind: \"Ingress\"", "name: \"tasks-prod-backend\"");
    var fromStdin = java(Files.readString(Path.of("../k8s/examples/full.yaml")), "render");
    assertThat(fromStdin.out()).isEqualTo(fromFile.out());
  }

  @Test
  void exitsNonZeroWithOneLineOnBadInput() throws Exception {
    var result = java("apiVersion: taskapp.dev/v1alpha1\nkind: TaskApp\nmetadata: {name: t}\nspec: {backend: {replicas: -1}}\n",
        "render", "-f", "-");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().strip()).isEqualTo(
        "error: stdin: spec.backend.replicas: -1 is below the minimum 0 (Number of backend pods, 0 to 50. Default 1.)");
  }

  @Test
  void evaluatesTheCrdsCelRulesFromTheJar() throws Exception {
    var name = "tasks-" + "x".repeat(54);
    var result = java("apiVersion: taskapp.dev/v1alpha1\nkind: TaskApp\nmetadata: {name: " + name + "}\n", "render", "-f", "-");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().strip()).isEqualTo("error: stdin: metadata.name may have at most 49 characters: the database"
        + " StatefulSet is named NAME-db, and a StatefulSet's name may have at most 52 characters (its pods'"
        + " controller-revision-hash label adds 11 to it); choose a shorter name");
  }

  @Test
  void refusesAnUnknownCommand() throws Exception {
    var result = java("", "deploy");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("unknown command: deploy");
  }
}
