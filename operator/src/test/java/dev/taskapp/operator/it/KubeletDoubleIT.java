package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The kubelet double on the strict double: the pods it creates pass the API server's validation, and
 * a readiness gate set by a strategic merge patch of pods/status (how the operator will write it)
 * makes a pod Ready without losing the kubelet's own conditions.
 */
class KubeletDoubleIT {

  private static final String NS = "kubelet";
  private static final String GATE = "taskapp.dev/upstream-serving";

  private static final MockCluster cluster = new MockCluster();
  private static final KubeletDouble kubelet = new KubeletDouble(cluster.client());

  @AfterAll
  static void close() {
    kubelet.close();
    cluster.close();
  }

  @Test
  void aStatefulSetsPodGetsAVolumePerClaimTemplateAndBecomesReady() {
    cluster.client().apps().statefulSets().inNamespace(NS).resource(new StatefulSetBuilder()
        .withNewMetadata().withName("db").endMetadata()
        .withNewSpec().withReplicas(1).withServiceName("db").withNewSelector().addToMatchLabels("app", "db").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata()
        .withNewSpec().addNewContainer().withName("db").withImage("postgres:17").addNewVolumeMount().withName("data")
        .withMountPath("/var/lib/postgresql/data").endVolumeMount().endContainer().endSpec().endTemplate()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().endVolumeClaimTemplate()
        .endSpec().build()).create();

    await().atMost(Duration.ofSeconds(15)).until(() -> ready(pod("db-0")));
    assertThat(pod("db-0").getSpec().getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("data-db-0"));
    await().atMost(Duration.ofSeconds(15)).until(() ->
        Integer.valueOf(1).equals(cluster.client().apps().statefulSets().inNamespace(NS).withName("db").get().getStatus().getReadyReplicas()));
  }

  @Test
  void aGatedPodBecomesReadyOnceAStrategicMergePatchOfItsStatusSetsTheGateAndKeepsTheKubeletsConditions() {
    cluster.client().apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("web:1").endContainer()
        .addNewReadinessGate().withConditionType(GATE).endReadinessGate().endSpec().endTemplate()
        .endSpec().build()).create();
    await().atMost(Duration.ofSeconds(15)).until(() -> webPod().flatMap(p -> condition(p, "ContainersReady")).isPresent());
    var name = webPod().orElseThrow().getMetadata().getName();
    assertThat(ready(pod(name))).as("not Ready while the gate is unset").isFalse();

    cluster.client().pods().inNamespace(NS).withName(name).subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
        "{\"status\":{\"conditions\":[{\"type\":\"" + GATE + "\",\"status\":\"True\",\"reason\":\"BackendAvailable\"}]}}");

    await().atMost(Duration.ofSeconds(15)).until(() -> ready(pod(name)));
    assertThat(pod(name).getStatus().getConditions()).extracting(PodCondition::getType)
        .containsExactlyInAnyOrder("ContainersReady", "Ready", GATE);
  }

  private static Pod pod(String name) {
    return cluster.client().pods().inNamespace(NS).withName(name).get();
  }

  private static Optional<Pod> webPod() {
    return cluster.client().pods().inNamespace(NS).withLabel("app", "web").list().getItems().stream().findFirst();
  }

  private static boolean ready(Pod pod) {
    return pod != null && condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private static Optional<PodCondition> condition(Pod pod, String type) {
    return Optional.ofNullable(pod.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
        .filter(c -> type.equals(c.getType())).findFirst();
  }
}
