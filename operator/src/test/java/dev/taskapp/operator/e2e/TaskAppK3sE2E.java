package dev.taskapp.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.Readiness;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The README's Kubernetes steps in a real cluster, in order: k3s in Docker, the images of
 * scripts/export-images.sh imported as on a disconnected k3s node, k8s/install.yaml applied (the
 * operator with leader election on), k8s/examples/minimal.yaml applied, Ready, a user signing up
 * through the frontend; then the Lease kept renewed, a database outage taking the backend out of
 * service and back, and the TaskApp's deletion. Nothing is pulled: where Docker, the k3s image or
 * the exported images are missing it skips at once and says which (CI's k3s-e2e job has them all).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskAppK3sE2E {

  static final String OPERATOR_NAMESPACE = "taskapp-system";
  static final String NAMESPACE = "demo";
  static final String NAME = "tasks"; // k8s/examples/minimal.yaml

  private K3sContainer k3s;
  private KubernetesClient client;
  private String skipReason;

  @BeforeAll
  void installTheOperatorAndApplyATaskApp() throws Exception {
    var found = ClusterImages.find();
    skipReason = found.skipReason();
    if (skipReason != null && Boolean.parseBoolean(System.getenv("TASKAPP_K3S_E2E_REQUIRED"))) {
      throw new IllegalStateException("TASKAPP_K3S_E2E_REQUIRED is set (CI), but: " + skipReason);
    }
    if (skipReason != null) {
      return; // each test skips with the reason (an assumption here would hide it from the reports)
    }
    k3s = new K3sContainer(DockerImageName.parse(ClusterImages.K3S_IMAGE));
    k3s.start();
    found.images().importInto(k3s);
    client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build();

    install(found.images().databaseImage());
    client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
    var app = client.getKubernetesSerialization().unmarshal(Files.readString(Path.of("../k8s/examples/minimal.yaml")), TaskApp.class);
    app.getMetadata().setNamespace(NAMESPACE);
    client.resource(app).create();
  }

  /** kubectl apply -f k8s/install.yaml, telling the operator which database image was imported. */
  private void install(String databaseImage) throws Exception {
    List<HasMetadata> objects;
    try (var in = Files.newInputStream(Path.of("../k8s/install.yaml"))) {
      objects = client.load(in).items();
    }
    for (var object : objects) {
      if (object instanceof Deployment operator) {
        env(operator, "TASKAPP_DATABASE_IMAGE").setValue(databaseImage);
        assertThat(env(operator, "LEADER_ELECTION").getValue()).isEqualTo("true");
      }
      client.resource(object).forceConflicts().serverSideApply();
    }
    client.apiextensions().v1().customResourceDefinitions().withName("taskapps.taskapp.dev").waitUntilCondition(crd ->
        crd.getStatus() != null && crd.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True")), 1, TimeUnit.MINUTES);
    client.apps().deployments().inNamespace(OPERATOR_NAMESPACE).withName("taskapp-operator").waitUntilReady(3, TimeUnit.MINUTES);
  }

  private static EnvVar env(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
        .filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
  }

  @AfterAll
  void stopTheCluster() {
    if (client != null) {
      client.close();
    }
    if (k3s != null) {
      k3s.stop();
    }
  }

  @BeforeEach
  void needsTheCluster() {
    assumeTrue(skipReason == null, skipReason);
  }

  private TaskApp app() {
    return client.resources(TaskApp.class).inNamespace(NAMESPACE).withName(NAME).get();
  }

  private boolean ready() {
    var app = app();
    return app != null && app.getStatus() != null && app.getStatus().condition("Ready").map(TaskAppCondition::isTrue).orElse(false);
  }

  private List<Pod> backendPods() {
    return client.pods().inNamespace(NAMESPACE).withLabels(Labels.selector(app(), Tier.BACKEND)).list().getItems();
  }

  private static String gate(Pod pod) {
    return pod.getStatus() == null ? "Unknown" : pod.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(Readiness.GATE)).map(c -> c.getStatus()).findFirst().orElse("Unknown");
  }

  @Test
  @Order(1)
  void theTaskAppBecomesReadyAndAUserSignsUpThroughTheFrontend() throws Exception {
    await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).until(this::ready);
    assertThat(app().getStatus().getUrl()).isEqualTo("http://tasks-frontend.demo.svc:3000");

    try (var forward = client.services().inNamespace(NAMESPACE).withName(NAME + "-frontend").portForward(3000)) {
      var session = new FrontendSession(forward.getLocalPort());
      var health = session.get("/api/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("healthy");
      var tasks = session.signUpAndOpenTasks("k3s_user", "correct-horse-battery");
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(tasks.body()).contains("Signed in as").contains("k3s_user");
    }
  }

  /** The operator runs with LEADER_ELECTION=true: it takes the Lease and keeps renewing it, unrestarted. */
  @Test
  @Order(2)
  void theOperatorKeepsRenewingItsLease() {
    var lease = client.resources(Lease.class).inNamespace(OPERATOR_NAMESPACE).withName("taskapp-operator");
    await().atMost(Duration.ofMinutes(1)).until(() -> lease.get() != null && lease.get().getSpec().getHolderIdentity() != null);
    var holder = lease.get().getSpec().getHolderIdentity();
    Set<String> renewals = new HashSet<>();
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
      var spec = lease.get().getSpec();
      assertThat(spec.getHolderIdentity()).as("the Lease changed hands").isEqualTo(holder);
      renewals.add(String.valueOf(spec.getRenewTime()));
      return renewals.size() > 3; // the first time seen and three renewals after it
    });
    var operatorPods = client.pods().inNamespace(OPERATOR_NAMESPACE).withLabel(Labels.NAME, Labels.OPERATOR).list().getItems();
    assertThat(operatorPods).extracting(p -> p.getMetadata().getName()).contains(holder);
    assertThat(operatorPods).allSatisfy(p -> assertThat(p.getStatus().getContainerStatuses().getFirst().getRestartCount()).isZero());
  }

  /** Killing the db pod turns the backend pods' gate False (out of the Service) and back, without restarting them. */
  @Test
  @Order(3)
  void aDatabaseOutageTakesTheBackendOutOfServiceAndBack() {
    var before = backendPods();
    assertThat(before).isNotEmpty().allSatisfy(p -> assertThat(gate(p)).isEqualTo("True"));
    List<String> seen = new CopyOnWriteArrayList<>();
    try (var watch = client.pods().inNamespace(NAMESPACE).withLabels(Labels.selector(app(), Tier.BACKEND)).watch(new Watcher<Pod>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        seen.add(gate(pod));
      }

      @Override
      public void onClose(WatcherException cause) {}
    })) {
      client.pods().inNamespace(NAMESPACE).withName(NAME + "-db-0").delete();
      await().atMost(Duration.ofMinutes(2)).until(() -> seen.contains("False"));
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
          .until(() -> ready() && backendPods().stream().allMatch(p -> gate(p).equals("True")));
    }
    assertThat(backendPods()).extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(before.stream().map(p -> p.getMetadata().getName()).toList());
    assertThat(backendPods()).allSatisfy(p -> assertThat(p.getStatus().getContainerStatuses().getFirst().getRestartCount()).isZero());
  }

  /** Owner references take every child with the TaskApp; deletionPolicy Retain (the default) keeps the data. */
  @Test
  @Order(4)
  void deletingTheTaskAppRemovesItsWorkloadsAndKeepsItsData() {
    assertThat(app().getSpec().getDatabase()).as("minimal.yaml keeps the default deletionPolicy, Retain").isNull();
    client.resources(TaskApp.class).inNamespace(NAMESPACE).withName(NAME).delete();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
        app() == null
            && client.apps().deployments().inNamespace(NAMESPACE).list().getItems().isEmpty()
            && client.apps().statefulSets().inNamespace(NAMESPACE).list().getItems().isEmpty()
            && client.services().inNamespace(NAMESPACE).list().getItems().isEmpty()
            && client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems().isEmpty()
            && client.pods().inNamespace(NAMESPACE).list().getItems().isEmpty());
    assertThat(client.resources(PersistentVolumeClaim.class).inNamespace(NAMESPACE).withName("data-" + NAME + "-db-0").get())
        .as("the database volume outlives its TaskApp").isNotNull();
    assertThat(client.resources(Secret.class).inNamespace(NAMESPACE).withName(NAME + "-credentials").get())
        .as("and so do the credentials that open it").isNotNull();
  }
}
