package dev.taskapp.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskapp.operator.core.Defaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release's install.yaml and the kustomizations it comes from: fresh, the CRD apart from the
 * operator (so removing the operator keeps the TaskApps), and one registry for the operator and the
 * TaskApps it makes.
 */
class InstallYamlTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @BeforeAll
  static void needsKubectl() {
    assumeTrue(Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl"))), "kubectl is not installed: cannot run `kubectl kustomize`");
  }

  static String kustomize(String dir) throws Exception {
    var process = new ProcessBuilder("kubectl", "kustomize", dir).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  static List<HasMetadata> objects(String yaml) {
    return Arrays.stream(yaml.split("(?m)^---$")).filter(d -> !d.isBlank())
        .map(d -> (HasMetadata) SERIALIZATION.unmarshal(d)).toList();
  }

  private static Deployment operator(List<HasMetadata> objects) {
    return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
  }

  private static String env(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
        .filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
  }

  @Test
  void installYamlIsExactlyTheKustomizeOutput() throws Exception {
    var committed = Files.readString(Path.of("../k8s/install.yaml")).lines()
        .dropWhile(line -> line.startsWith("#")).collect(Collectors.joining("\n"));
    assertThat(committed.strip())
        .as("k8s/install.yaml is stale: regenerate it with scripts/install-yaml.sh")
        .isEqualTo(kustomize("../k8s").strip());
  }

  @Test
  void theCrdIsInstalledApartFromTheOperator() throws Exception {
    assertThat(objects(kustomize("../k8s/crd"))).extracting(HasMetadata::getKind).containsExactly("CustomResourceDefinition");
    assertThat(objects(kustomize("../k8s/operator"))).extracting(HasMetadata::getKind)
        .doesNotContain("CustomResourceDefinition").contains("Deployment", "Namespace");
  }

  @Test
  void theOperatorRunsItsOwnVersionAndGivesTaskAppsItsOwnRegistry() throws Exception {
    var deployment = operator(objects(kustomize("../k8s")));
    var image = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    assertThat(image).isEqualTo("taskapp/operator:" + Defaults.operatorVersion());
    assertThat(env(deployment, "TASKAPP_IMAGE_PREFIX")).isEqualTo(image.substring(0, image.lastIndexOf("/operator:")))
        .isEqualTo(Defaults.builtIn().imagePrefix());
  }

  @Test
  void thePrivateRegistryExampleMovesOperatorAndTaskAppsTogether() throws Exception {
    var deployment = operator(objects(kustomize("../k8s/examples/private-registry")));
    var pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getContainers().getFirst().getImage()).isEqualTo("registry.example.com/taskapp/operator:" + Defaults.operatorVersion());
    assertThat(env(deployment, "TASKAPP_IMAGE_PREFIX")).isEqualTo("registry.example.com/taskapp");
    assertThat(pod.getImagePullSecrets()).containsExactly(new LocalObjectReference("registry-credentials"));
    assertThat(pod.getContainers().getFirst().getEnv()).filteredOn(e -> e.getName().equals("TASKAPP_IMAGE_PREFIX")).hasSize(1);
  }
}
