package dev.taskapp.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskapp.operator.api.TaskApp;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What `kubectl apply -k k8s/` would install: every object parses as its kind and is locked down. */
class KustomizeTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static List<HasMetadata> objects;

  @BeforeAll
  static void build() throws Exception {
    assumeTrue(onPath("kubectl"), "kubectl is not installed: cannot run `kubectl kustomize k8s/`");
    var process = new ProcessBuilder("kubectl", "kustomize", "../k8s").redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    objects = Arrays.stream(output.split("(?m)^---$")).filter(d -> !d.isBlank())
        .map(d -> (HasMetadata) SERIALIZATION.unmarshal(d)).toList();
  }

  private static boolean onPath(String command) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }

  @SuppressWarnings("unchecked")
  private static <T> T only(Class<T> type) {
    return (T) objects.stream().filter(type::isInstance).reduce((a, b) -> {
      throw new AssertionError("more than one " + type.getSimpleName());
    }).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
  }

  @Test
  void everyObjectParsesAsItsKind() {
    Map<String, Class<?>> kinds = Map.of(
        "CustomResourceDefinition", CustomResourceDefinition.class, "Namespace", Namespace.class,
        "ServiceAccount", ServiceAccount.class, "ClusterRole", ClusterRole.class,
        "ClusterRoleBinding", ClusterRoleBinding.class, "Role", Role.class, "RoleBinding", RoleBinding.class,
        "Deployment", Deployment.class, "PodDisruptionBudget", PodDisruptionBudget.class);
    assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrderElementsOf(kinds.keySet());
    assertThat(objects).allSatisfy(o -> assertThat(o).isInstanceOf(kinds.get(o.getKind())));
  }

  @Test
  void crdShowsTheColumnsInTheIssuesOrder() {
    var crd = only(CustomResourceDefinition.class);
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("ta");
    assertThat(crd.getSpec().getVersions().getFirst().getAdditionalPrinterColumns())
        .extracting(c -> c.getName()).containsExactly("Ready", "Database", "Backend", "Frontend", "URL", "Age");
    assertThat(crd.getSpec().getVersions().getFirst().getSubresources().getStatus()).isNotNull();
  }

  @Test
  void rolesNameEveryKindAndVerbWithoutWildcards() {
    var role = only(ClusterRole.class);
    assertThat(role.getRules()).allSatisfy(rule -> {
      assertThat(rule.getApiGroups()).doesNotContain("*");
      assertThat(rule.getResources()).doesNotContain("*");
      assertThat(rule.getVerbs()).doesNotContain("*");
    });
    // Secrets: never rewritten (no update) nor deleted; patch only moves the owner reference.
    assertThat(role.getRules()).filteredOn(r -> r.getResources().contains("secrets")).singleElement()
        .satisfies(r -> assertThat(r.getVerbs()).doesNotContain("update", "delete"));
    assertThat(role.getRules()).filteredOn(r -> r.getResources().contains("pods/status")).singleElement()
        .satisfies(r -> assertThat(r.getVerbs()).containsExactly("patch"));
    assertThat(only(Role.class).getRules()).singleElement()
        .satisfies(r -> assertThat(r.getResources()).containsExactly("leases"));
  }

  @Test
  void operatorPodIsRestrictedProbedAndBounded() {
    var deployment = only(Deployment.class);
    var pod = deployment.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().getFirst();
    assertThat(only(Namespace.class).getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getImage()).isEqualTo("taskapp/operator:0.1.0");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
  }

  /** Two replicas, on two nodes where there are two, one of them always left by a drain, a standby kept through a rollout. */
  @Test
  void operatorSurvivesADrainANodesLossAndARollout() {
    var deployment = only(Deployment.class);
    var pod = deployment.getSpec().getTemplate().getSpec();
    var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    var env = pod.getContainers().getFirst().getEnv();
    assertThat(env).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("POD_NAME");
      assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    });
    assertThat(env).anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("LEADER_ELECTION=true"));
    assertThat(env).noneSatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("EXIT_ON_LOST_LEADERSHIP=false"));
    assertThat(pod.getTopologySpreadConstraints()).anySatisfy(c -> {
      assertThat(c.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
      assertThat(c.getWhenUnsatisfiable()).as("preferred: a one-node cluster runs both").isEqualTo("ScheduleAnyway");
      assertThat(labels).containsAllEntriesOf(c.getLabelSelector().getMatchLabels());
    });
    assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution()).singleElement()
        .satisfies(t -> assertThat(t.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname"));

    var budget = only(PodDisruptionBudget.class);
    assertThat(budget.getMetadata().getNamespace()).isEqualTo(deployment.getMetadata().getNamespace());
    assertThat(labels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isPositive().isLessThan(deployment.getSpec().getReplicas());
  }

  /** Every field of an example is one the CRD declares (a typo would be pruned silently by the API server). */
  @SuppressWarnings("unchecked")
  private static void assertKnownFields(String path, Object value, JSONSchemaProps schema) {
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      assertThat(schema.getEnum().stream().map(e -> e.asText()).toList()).as(path).contains(String.valueOf(value));
    }
    if (!(value instanceof Map<?, ?> map) || schema.getProperties() == null || schema.getProperties().isEmpty()) {
      return;
    }
    ((Map<String, Object>) map).forEach((key, child) -> {
      assertThat(schema.getProperties()).as(path + " declares " + key).containsKey(key);
      assertKnownFields(path + "." + key, child, schema.getProperties().get(key));
    });
  }

  @Test
  void examplesAreTaskApps() throws Exception {
    for (var example : List.of("minimal.yaml", "full.yaml")) {
      var app = SERIALIZATION.unmarshal(Files.readString(Path.of("../k8s/examples", example)), TaskApp.class);
      assertThat(app.getMetadata().getName()).as(example).isNotBlank();
      assertThat(app.getSpec()).as(example).isNotNull();
    }
    var crd = SERIALIZATION.unmarshal(Files.readString(Path.of("../k8s/crd/taskapps.taskapp.dev-v1.yml")), CustomResourceDefinition.class);
    var schema = crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    for (var example : List.of("minimal.yaml", "full.yaml")) {
      Map<String, Object> yaml = SERIALIZATION.unmarshal(Files.readString(Path.of("../k8s/examples", example)), Map.class);
      assertKnownFields(example + ": spec", yaml.get("spec"), schema);
    }
    var full = SERIALIZATION.unmarshal(Files.readString(Path.of("../k8s/examples/full.yaml")), TaskApp.class);
    assertThat(full.getSpec().getFrontend().getIngress().getHost()).isEqualTo("tasks.example.com");
    assertThat(full.getSpec().getDatabase().getStorage()).isEqualTo("10Gi");
  }
}
