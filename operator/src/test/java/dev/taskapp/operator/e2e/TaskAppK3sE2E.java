package dev.taskapp.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The whole thing in a real cluster: k3s in Docker, the Jib-built images loaded from their
 * jib:buildTar tarballs, the CRD and operator installed from k8s/, a TaskApp applied, Ready within a
 * timeout, and the frontend answering through a port-forward. Nothing is pulled: where Docker, the
 * k3s image or the tarballs are missing it skips at once and says which.
 */
class TaskAppK3sE2E {

  static final String K3S_IMAGE = System.getenv().getOrDefault("K3S_IMAGE", "rancher/k3s:v1.31.4-k3s1");
  static final String DB_IMAGE = "postgres:17-alpine";
  static final List<Path> IMAGE_TARS = List.of(
      Path.of("../services/backend/target/jib-image.tar"),
      Path.of("../services/frontend/target/jib-image.tar"),
      Path.of("target/jib-image.tar"));

  private static boolean docker(String... args) {
    try {
      var command = new java.util.ArrayList<>(List.of("docker"));
      command.addAll(List.of(args));
      var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void aTaskAppBecomesReadyInK3sAndTheFrontendAnswers() throws Exception {
    assumeTrue(docker("info"), "no Docker engine reachable: the k3s end-to-end test needs one");
    assumeTrue(docker("image", "inspect", K3S_IMAGE), K3S_IMAGE + " is not in the local Docker engine (no registry to pull from here)");
    assumeTrue(docker("image", "inspect", DB_IMAGE), DB_IMAGE + " is not in the local Docker engine");
    for (var tar : IMAGE_TARS) {
      assumeTrue(Files.exists(tar), tar + " is missing: build the images first with ./mvnw package jib:buildTar");
    }

    try (var k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE))) {
      k3s.start();
      var dbTar = Files.createTempFile("postgres", ".tar");
      assertThat(docker("save", "-o", dbTar.toString(), DB_IMAGE)).isTrue();
      for (var tar : concat(IMAGE_TARS, dbTar)) {
        k3s.copyFileToContainer(MountableFile.forHostPath(tar), "/tmp/image.tar");
        var result = k3s.execInContainer("ctr", "-n", "k8s.io", "images", "import", "/tmp/image.tar");
        assertThat(result.getExitCode()).as(result.getStderr()).isZero();
      }

      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build()) {
        var kustomize = new ProcessBuilder("kubectl", "kustomize", "../k8s").start();
        var manifests = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        client.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).serverSideApply();
        client.apps().deployments().inNamespace("taskapp-system").withName("taskapp-operator")
            .waitUntilReady(3, TimeUnit.MINUTES);

        client.resource(new NamespaceBuilder().withNewMetadata().withName("demo").endMetadata().build()).create();
        var app = client.getKubernetesSerialization().unmarshal(Files.readString(Path.of("../k8s/examples/minimal.yaml")), TaskApp.class);
        app.getMetadata().setNamespace("demo");
        client.resource(app).create();
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).until(() -> {
          var current = client.resources(TaskApp.class).inNamespace("demo").withName("tasks").get();
          return current.getStatus() != null && current.getStatus().condition("Ready").map(TaskAppCondition::isTrue).orElse(false);
        });

        try (var forward = client.services().inNamespace("demo").withName("tasks-frontend").portForward(3000)) {
          var response = HttpClient.newHttpClient().send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.getLocalPort() + "/api/health")).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.body()).contains("healthy");
        }
      }
    }
  }

  private static List<Path> concat(List<Path> paths, Path extra) {
    var all = new java.util.ArrayList<>(paths);
    all.add(extra);
    return all;
  }
}
