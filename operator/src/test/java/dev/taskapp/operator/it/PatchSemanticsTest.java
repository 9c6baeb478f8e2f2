package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Each patch type lands on the strict double as the API server applies it. */
class PatchSemanticsTest {

  private static final String NS = "patches";
  private static final String GATE = "taskapp.dev/upstream-serving";

  @AutoClose
  private static final MockCluster cluster = new MockCluster();

  @Test
  void aStrategicMergePatchOfPodStatusWithOneConditionMergesByTypeAndKeepsTheKubeletsConditions() {
    var pod = runningPod("gated");
    pod.subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
        "{\"status\":{\"conditions\":[{\"type\":\"" + GATE + "\",\"status\":\"False\",\"reason\":\"DatabaseNotReady\"}]}}");
    pod.subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
        "{\"status\":{\"conditions\":[{\"type\":\"" + GATE + "\",\"status\":\"True\",\"reason\":\"DatabaseServing\"}]}}");

    assertThat(pod.get().getStatus().getConditions()).extracting(PodCondition::getType, PodCondition::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ContainersReady", "True"),
            org.assertj.core.groups.Tuple.tuple("Ready", "True"),
            org.assertj.core.groups.Tuple.tuple(GATE, "True"));
    assertThat(pod.get().getStatus().getConditions().get(2).getReason()).isEqualTo("DatabaseServing");
  }

  @Test
  void aJsonMergePatchReplacesAListWhole() {
    var service = cluster.client().services().inNamespace(NS).resource(new ServiceBuilder()
        .withNewMetadata().withName("two-ports").endMetadata()
        .withNewSpec().addNewPort().withName("http").withPort(80).endPort().addNewPort().withName("metrics").withPort(9090).endPort()
        .endSpec().build()).create();

    cluster.client().services().inNamespace(NS).withName("two-ports").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"ports\":[{\"name\":\"http\",\"port\":8080}]}}");

    assertThat(service).isNotNull();
    assertThat(cluster.client().services().inNamespace(NS).withName("two-ports").get().getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort).containsExactly(org.assertj.core.groups.Tuple.tuple("http", 8080));
  }

  @Test
  void aJsonMergePatchNullDeletesAKey() {
    var pod = runningPod("labelled");
    pod.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"app\":null,\"tier\":\"web\"}}}");
    assertThat(pod.get().getMetadata().getLabels()).doesNotContainKey("app").containsEntry("tier", "web");
  }

  @Test
  void aJsonPatchWhoseTestFailsGets422AndChangesNothing() {
    var pod = runningPod("tested");
    var conditions = pod.get().getStatus().getConditions();
    ThrowingCallable patch = () -> pod.subresource("status").patch(PatchContext.of(PatchType.JSON),
        "[{\"op\":\"test\",\"path\":\"/status/conditions/0/type\",\"value\":\"" + GATE + "\"},"
            + "{\"op\":\"replace\",\"path\":\"/status/conditions/0\",\"value\":{\"type\":\"" + GATE + "\",\"status\":\"True\"}}]");

    assertRefused(patch, 422, "Invalid", "the server rejected our request due to an error in our request");
    assertThat(pod.get().getStatus().getConditions()).isEqualTo(conditions);
  }

  @Test
  void aJsonPatchToAPathThatDoesNotExistGets422() {
    var pod = runningPod("missing-path");
    assertRefused(() -> pod.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/metadata/annotations/none\",\"value\":\"x\"}]"),
        422, "Invalid", "the server rejected our request due to an error in our request");
    assertRefused(() -> pod.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/metadata/annotations/note\",\"value\":\"x\"}]"),
        422, "Invalid", "the server rejected our request due to an error in our request"); // no annotations map to add to
  }

  @Test
  void aJsonPatchAppliesItsOperationsInOrder() {
    var pod = runningPod("ordered");
    pod.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/metadata/annotations\",\"value\":{}},"
        + "{\"op\":\"add\",\"path\":\"/metadata/annotations/note\",\"value\":\"first\"},"
        + "{\"op\":\"replace\",\"path\":\"/metadata/annotations/note\",\"value\":\"second\"}]");
    assertThat(pod.get().getMetadata().getAnnotations()).containsEntry("note", "second");
  }

  @Test
  void aStrategicMergePatchMergesContainersByNameEnvByNamePortsByContainerPortAndMountsByMountPath() {
    var deployment = deployment("merged");
    deployment.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\","
        + "\"env\":[{\"name\":\"MODE\",\"value\":\"fast\"}],"
        + "\"ports\":[{\"containerPort\":8080,\"name\":\"web\"}],"
        + "\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\",\"readOnly\":true}]}]}}}}");

    var spec = deployment.get().getSpec().getTemplate().getSpec();
    assertThat(spec.getContainers()).extracting(c -> c.getName()).containsExactly("app", "sidecar");
    var app = spec.getContainers().get(0);
    assertThat(app.getImage()).isEqualTo("app:1");
    assertThat(app.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).containsExactly(
        org.assertj.core.groups.Tuple.tuple("LEVEL", "info"), org.assertj.core.groups.Tuple.tuple("MODE", "fast"));
    assertThat(app.getPorts()).extracting(ContainerPort::getContainerPort, ContainerPort::getName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(8080, "web"));
    assertThat(app.getVolumeMounts()).extracting(VolumeMount::getMountPath, VolumeMount::getReadOnly)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/data", true));
  }

  @Test
  void aStrategicMergePatchReplacesAListWithoutPatchStrategy() {
    var deployment = deployment("replaced");
    deployment.patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
        "{\"spec\":{\"template\":{\"spec\":{\"readinessGates\":[{\"conditionType\":\"other\"}]}}}}");
    assertThat(deployment.get().getSpec().getTemplate().getSpec().getReadinessGates()).extracting(g -> g.getConditionType())
        .containsExactly("other");
  }

  @Test
  void aStrategicMergePatchDeleteDirectiveRemovesOneElementAndNullDeletesAField() {
    var deployment = deployment("directives");
    deployment.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"metadata\":{\"labels\":{\"app\":null}},"
        + "\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"}]}}}}");
    assertThat(deployment.get().getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getName()).containsExactly("app");
    assertThat(deployment.get().getMetadata().getLabels()).doesNotContainKey("app");
  }

  @Test
  void aStrategicMergePatchReplaceDirectiveReplacesAMergedList() {
    var deployment = deployment("replace-directive");
    deployment.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\","
        + "\"env\":[{\"$patch\":\"replace\"},{\"name\":\"ONLY\",\"value\":\"1\"}]}]}}}}");
    assertThat(deployment.get().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
        .containsExactly("ONLY");
  }

  @Test
  void aStrategicMergePatchMergesOwnerReferencesByUidAndFinalizersAsASet() {
    var pod = runningPod("owned");
    pod.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"metadata\":{\"finalizers\":[\"a.dev/one\"],"
        + "\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"c\",\"uid\":\"u1\"}]}}");
    pod.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"metadata\":{\"finalizers\":[\"a.dev/two\"],"
        + "\"ownerReferences\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"d\",\"uid\":\"u2\"}]}}");
    assertThat(pod.get().getMetadata().getFinalizers()).containsExactly("a.dev/one", "a.dev/two");
    assertThat(pod.get().getMetadata().getOwnerReferences()).extracting(r -> r.getUid()).containsExactly("u1", "u2");

    pod.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a.dev/one\",\"a.dev/two\"]}}");
    assertThat(pod.get().getMetadata().getFinalizers()).isEmpty();
  }

  @Test
  void aStrategicMergePatchOfACustomResourceGets415() {
    cluster.client().resource(TestTaskApps.minimal("smp")).create();
    var app = cluster.client().resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("smp");
    assertRefused(() -> app.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}"),
        415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
            + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
  }

  @Test
  void aStatusChangeInAPatchOfTheMainResourceIsIgnoredAndAStatusPatchChangesOnlyTheStatus() {
    var pod = runningPod("split");
    pod.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"Failed\"}}");
    assertThat(pod.get().getStatus().getPhase()).isEqualTo("Running");

    pod.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"sneaky\":\"yes\"}},\"status\":{\"phase\":\"Succeeded\"}}");
    assertThat(pod.get().getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(pod.get().getMetadata().getLabels()).doesNotContainKey("sneaky");
  }

  @Test
  void aStaleResourceVersionInAPatchIsAPreconditionThatFailsWith409() {
    var pod = runningPod("precondition");
    var stale = pod.get().getMetadata().getResourceVersion();
    pod.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"step\":\"1\"}}}");

    assertRefused(() -> pod.patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"resourceVersion\":\"" + stale + "\",\"labels\":{\"step\":\"2\"}}}"), 409, "Conflict",
        "Operation cannot be fulfilled on pods \"precondition\": the object has been modified; please apply your changes to the latest version and try again");
    assertRefused(() -> pod.subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
        "{\"metadata\":{\"resourceVersion\":\"" + stale + "\"},\"status\":{\"phase\":\"Failed\"}}"), 409, "Conflict",
        "Operation cannot be fulfilled on pods \"precondition\": the object has been modified; please apply your changes to the latest version and try again");
    var current = pod.get().getMetadata().getResourceVersion();
    pod.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"resourceVersion\":\"" + current + "\",\"labels\":{\"step\":\"3\"}}}");
    assertThat(pod.get().getMetadata().getLabels()).containsEntry("step", "3");
  }

  /**
   * A Deployment whose template has the two containers of {@link #podSpec()}: pod spec merges are
   * tried on a template, since a real server forbids changing most of a pod's spec.
   */
  private static Resource<Deployment> deployment(String name) {
    cluster.client().apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
        .withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withSpec(podSpec()).endTemplate()
        .endSpec().build()).create();
    return cluster.client().apps().deployments().inNamespace(NS).withName(name);
  }

  private static PodSpec podSpec() {
    return new PodSpecBuilder()
        .addToContainers(new ContainerBuilder().withName("app").withImage("app:1")
            .addNewEnv().withName("LEVEL").withValue("info").endEnv()
            .addNewPort().withContainerPort(8080).endPort()
            .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount().build())
        .addToContainers(new ContainerBuilder().withName("sidecar").withImage("sidecar:1").build())
        .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
        .addNewReadinessGate().withConditionType(GATE).endReadinessGate()
        .build();
  }

  /** A pod as the kubelet reports it once running: phase Running, Ready and ContainersReady True. */
  private static PodResource runningPod(String name) {
    cluster.client().pods().inNamespace(NS).resource(new PodBuilder()
        .withNewMetadata().withName(name).addToLabels("app", "demo").endMetadata()
        .withSpec(podSpec()).build()).create();
    var pod = cluster.client().pods().inNamespace(NS).withName(name);
    pod.editStatus(p -> new PodBuilder(p).withNewStatus().withPhase("Running").withConditions(List.of(
        condition("ContainersReady"), condition("Ready"))).endStatus().build());
    return pod;
  }

  private static PodCondition condition(String type) {
    return new PodConditionBuilder().withType(type).withStatus("True").build();
  }

  static void assertRefused(ThrowingCallable call, int code, String reason, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
      assertThat(e.getCode()).isEqualTo(code);
      assertThat(e.getStatus().getReason()).isEqualTo(reason);
      assertThat(e.getStatus().getMessage()).isEqualTo(message);
    });
  }
}
