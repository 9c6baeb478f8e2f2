package dev.taskapp.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.Scorecard;
import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.reconciler.DesiredObjects;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scenario 14: every pod we render or ship is "restricted", bounded and pinned; RBAC and network are least-privilege. */
class ManifestsHardeningTest {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  /** The pod templates the operator renders for the minimal and full examples, and the operator's own. */
  private static Map<String, PodTemplateSpec> pods() throws Exception {
    var pods = new LinkedHashMap<String, PodTemplateSpec>();
    for (var example : List.of("minimal", "full")) {
      for (var object : rendered(example)) {
        if (object instanceof Deployment d) {
          pods.put(example + "/" + d.getMetadata().getName(), d.getSpec().getTemplate());
        } else if (object instanceof StatefulSet s) {
          pods.put(example + "/" + s.getMetadata().getName(), s.getSpec().getTemplate());
        }
      }
    }
    var operator = YAML.unmarshal(Files.readString(Path.of("../k8s/operator/deployment.yaml")), Deployment.class);
    pods.put("k8s/operator/" + operator.getMetadata().getName(), operator.getSpec().getTemplate());
    return pods;
  }

  private static List<HasMetadata> rendered(String example) throws Exception {
    var app = YAML.unmarshal(Files.readString(Path.of("../k8s/examples", example + ".yaml")), TaskApp.class);
    app.getMetadata().setNamespace(TestTaskApps.NAMESPACE);
    app.getMetadata().setUid(UUID.randomUUID().toString());
    return DesiredObjects.of(app, TestTaskApps.DEFAULTS, n -> "x");
  }

  @Test
  void everyPodIsRestrictedBoundedAndPinned_rbacHasNoWildcard_networkDeniesByDefault() throws Exception {
    boolean passed = false;
    var figure = "not measured";
    try {
      var pods = pods();
      Map<String, List<String>> violations = new LinkedHashMap<>();
      pods.forEach((name, pod) -> {
        var found = RestrictedPodStandard.violations(pod.getSpec());
        if (!found.isEmpty()) {
          violations.put(name, found);
        }
      });
      var wildcards = clusterRoleWildcards();
      var unguarded = podsWithoutDenyByDefault();
      figure = "pods checked %d (minimal+full examples and the operator), restricted/limits/tag violations %d; ClusterRole wildcards %d; pods not denied by default %d"
          .formatted(pods.size(), violations.values().stream().mapToInt(List::size).sum(), wildcards.size(), unguarded.size());
      assertThat(pods).hasSize(7); // db, backend, frontend twice, and the operator
      assertThat(violations).as("Pod Security Standard restricted and our standard").isEmpty();
      assertThat(wildcards).as("ClusterRole wildcards").isEmpty();
      assertThat(unguarded).as("pods without a policy limiting both directions").isEmpty();
      passed = true;
    } finally {
      Scorecard.record(14, "Manifests: PSS restricted, limits, pinned images, RBAC, NetworkPolicies", passed, figure);
    }
  }

  /** The checker itself catches each kind of violation (so a passing check means something). */
  @Test
  void theCheckerCatchesEachViolation() {
    var bad = new PodBuilder().withNewSpec().withHostNetwork(true).withHostPID(true).withHostIPC(true)
        .addNewVolume().withName("host").withNewHostPath().withPath("/").endHostPath().endVolume()
        .addNewContainer().withName("app").withImage("nginx")
        .addNewPort().withContainerPort(80).withHostPort(80).endPort()
        .withNewSecurityContext().withPrivileged(true).withNewCapabilities().addToAdd("SYS_ADMIN").endCapabilities().endSecurityContext()
        .endContainer()
        .addNewContainer().withName("latest").withImage("registry:5000/team/app:latest").endContainer()
        .endSpec().build();
    assertThat(RestrictedPodStandard.violations(bad.getSpec())).contains(
        "hostNetwork", "hostPID", "hostIPC", "volume host of type [hostPath]",
        "container app: privileged", "container app: allowPrivilegeEscalation must be false",
        "container app: runAsNonRoot must be true", "container app: seccompProfile null",
        "container app: capabilities must drop ALL", "container app: capabilities added [SYS_ADMIN]",
        "container app: hostPort", "container app: readOnlyRootFilesystem (our standard)",
        "container app: no cpu request", "container app: no memory limit",
        "container app: image nginx is untagged or latest",
        "container latest: image registry:5000/team/app:latest is untagged or latest");
    assertThat(RestrictedPodStandard.pinned("registry:5000/team/app")).isFalse();
    assertThat(RestrictedPodStandard.pinned("registry:5000/team/app:1.2")).isTrue();
    assertThat(RestrictedPodStandard.pinned("postgres@sha256:abc")).isTrue();
  }

  private static List<String> clusterRoleWildcards() throws Exception {
    var found = new ArrayList<String>();
    var documents = Files.readString(Path.of("../k8s/operator/rbac.yaml")).split("(?m)^---$");
    var roles = Arrays.stream(documents).filter(d -> !d.isBlank()).map(d -> (HasMetadata) YAML.unmarshal(d))
        .filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast).toList();
    assertThat(roles).hasSize(1);
    for (var rule : roles.getFirst().getRules()) {
      for (var value : concat(rule.getApiGroups(), rule.getResources(), rule.getVerbs(), rule.getResourceNames())) {
        if (value.contains("*")) {
          found.add(value);
        }
      }
    }
    return found;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return Arrays.stream(lists).filter(l -> l != null).flatMap(List::stream).toList();
  }

  /**
   * Deny by default without a namespace-wide policy: every pod is selected by a policy of both
   * types, each rule names its ports, and only the frontend (the entry point) admits any source.
   */
  private static List<String> podsWithoutDenyByDefault() throws Exception {
    var unguarded = new ArrayList<String>();
    for (var example : List.of("minimal", "full")) {
      var objects = rendered(example);
      var policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
      for (var object : objects) {
        PodTemplateSpec template = object instanceof Deployment d ? d.getSpec().getTemplate()
            : object instanceof StatefulSet s ? s.getSpec().getTemplate() : null;
        if (template == null) {
          continue;
        }
        var labels = template.getMetadata().getLabels();
        var selecting = policies.stream().filter(p -> {
          var selector = p.getSpec().getPodSelector().getMatchLabels();
          return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
        }).toList();
        boolean frontend = object.getMetadata().getName().endsWith("-frontend");
        boolean guarded = !selecting.isEmpty() && selecting.stream().allMatch(p ->
            p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().stream().allMatch(r -> r.getPorts() != null && !r.getPorts().isEmpty()
                    && (frontend || (r.getFrom() != null && !r.getFrom().isEmpty()
                        && r.getFrom().stream().allMatch(f -> f.getPodSelector() != null && f.getIpBlock() == null))))
                && p.getSpec().getEgress().stream().allMatch(r -> r.getPorts() != null && !r.getPorts().isEmpty()));
        if (!guarded) {
          unguarded.add(example + "/" + object.getMetadata().getName());
        }
      }
    }
    return unguarded;
  }
}
