package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.DatabaseSpec;
import dev.taskapp.operator.api.FrontendSpec;
import dev.taskapp.operator.api.IngressSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.core.Readiness;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real operator against the mock API server, with the kubelet double playing the cluster. */
class TaskAppOperatorIT extends OperatorInMockCluster {



  static TaskApp create(String name) {
    return client.resource(TestTaskApps.minimal(name)).create();
  }

  static TaskApp get(String name) {
    return client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName(name).get();
  }


  static boolean isReady(String name) {
    return condition(name, "Ready").map(TaskAppCondition::isTrue).orElse(false);
  }


  static List<Pod> pods(String workload) {
    return client.pods().inNamespace(TestTaskApps.NAMESPACE).list().getItems().stream()
        .filter(p -> p.getMetadata().getOwnerReferences().stream().anyMatch(r -> r.getName().equals(workload)))
        .toList();
  }

  static Optional<PodCondition> gate(Pod pod) {
    return Optional.ofNullable(pod.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
        .filter(c -> c.getType().equals(Readiness.GATE)).findFirst();
  }

  static boolean allGates(String workload, String status) {
    var pods = pods(workload);
    return !pods.isEmpty() && pods.stream().allMatch(p -> gate(p).map(g -> g.getStatus().equals(status)).orElse(false));
  }


  @Test
  void createsTheTiersInOrderGatesThePodsAndSettles() {
    kubelet.containersUnready("order-db", true);
    kubelet.containersUnready("order-backend", true);
    create("order");

    await().atMost(Duration.ofSeconds(15)).until(() -> child(StatefulSet.class, "order-db") != null);
    assertThat(child(Secret.class, "order-credentials")).isNotNull();
    assertThat(child(Service.class, "order-db")).isNotNull();
    assertThat(child(NetworkPolicy.class, "order-db")).isNotNull();
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> child(Deployment.class, "order-backend") == null);
    assertThat(condition("order", "BackendReady")).get().extracting(TaskAppCondition::getReason).isEqualTo("WaitingForDatabase");

    kubelet.containersUnready("order-db", false);
    await().atMost(Duration.ofSeconds(15)).until(() -> child(Deployment.class, "order-backend") != null);
    await().atMost(Duration.ofSeconds(15)).until(() -> allGates("order-backend", "True"));
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
        .until(() -> child(Deployment.class, "order-frontend") == null);

    kubelet.containersUnready("order-backend", false);
    await().atMost(Duration.ofSeconds(15)).until(() -> child(Deployment.class, "order-frontend") != null);
    await().atMost(Duration.ofSeconds(15)).until(() -> allGates("order-frontend", "True"));
    awaitReady("order");

    var app = get("order");
    assertThat(app.getStatus().getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
    assertThat(app.getStatus().getConditions()).allSatisfy(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
    });
    assertThat(app.getStatus().getBackend().getReady()).isEqualTo("1/1");
    assertThat(app.getStatus().getUrl()).isEqualTo("http://order-frontend.tasks.svc:3000");
    assertThat(child(Service.class, "order-frontend").getMetadata().getOwnerReferences())
        .singleElement().satisfies(ref -> assertThat(ref.getUid()).isEqualTo(app.getMetadata().getUid()));
    assertThat(client.v1().events().inNamespace(TestTaskApps.NAMESPACE).list().getItems())
        .filteredOn(e -> e.getInvolvedObject().getName().equals("order"))
        .extracting(e -> e.getReason()).contains("Ready", "WaitingForDatabase");

    // Settled: nothing left to do, so no reconciliation for 5 s (no update loop).
    var settledAt = operator.reconciliationsOf("order");
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
        .until(() -> operator.reconciliationsOf("order") == settledAt);
  }

  @Test
  void aDatabaseOutageTakesTheBackendOutOfServiceUntilItRecovers() {
    create("outage");
    awaitReady("outage");
    var readySince = condition("outage", "Ready").orElseThrow().getLastTransitionTime();

    kubelet.containersUnready("outage-db", true);
    await().atMost(Duration.ofSeconds(15)).until(() -> allGates("outage-backend", "False"));
    assertThat(gate(pods("outage-backend").getFirst())).get().extracting(PodCondition::getReason).isEqualTo("DatabaseNotReady");
    await().atMost(Duration.ofSeconds(15)).until(() -> condition("outage", "Ready")
        .filter(c -> c.getStatus().equals("False") && c.getReason().equals("DatabaseNotReady")).isPresent());
    await().atMost(Duration.ofSeconds(15)).until(() -> allGates("outage-frontend", "False"));

    kubelet.containersUnready("outage-db", false);
    await().atMost(Duration.ofSeconds(15)).until(() -> allGates("outage-backend", "True") && allGates("outage-frontend", "True"));
    awaitReady("outage");
    assertThat(condition("outage", "FrontendReady")).get().extracting(TaskAppCondition::getStatus).isEqualTo("True");
    assertThat(readySince).isNotNull();
  }

  @Test
  void aNewVersionRollsBackendAndFrontend() {
    create("roll");
    awaitReady("roll");
    var oldBackendPods = pods("roll-backend").stream().map(p -> p.getMetadata().getName()).toList();

    client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("roll").edit(a -> {
      a.getSpec().setVersion("0.2.0");
      return a;
    });

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      var app = get("roll");
      return app.getStatus().getObservedGeneration() == 2L && isReady("roll");
    });
    assertThat(pods("roll-backend")).isNotEmpty().allSatisfy(p -> {
      assertThat(p.getSpec().getContainers().getFirst().getImage()).isEqualTo("taskapp/backend:0.2.0");
      assertThat(oldBackendPods).doesNotContain(p.getMetadata().getName());
      assertThat(gate(p)).get().extracting(PodCondition::getStatus).isEqualTo("True");
    });
    assertThat(pods("roll-frontend")).isNotEmpty()
        .allSatisfy(p -> assertThat(p.getSpec().getContainers().getFirst().getImage()).isEqualTo("taskapp/frontend:0.2.0"));
    assertThat(client.v1().events().inNamespace(TestTaskApps.NAMESPACE).list().getItems())
        .filteredOn(e -> e.getInvolvedObject().getName().equals("roll"))
        .extracting(e -> e.getReason()).contains("RollingOut");
  }

  @Test
  void moreStorageGrowsTheDatabaseClaim() {
    create("grow");
    awaitReady("grow");
    // The StatefulSet controller's part, which the mock lacks: the claim from the volumeClaimTemplate,
    // given the default StorageClass as the API server's DefaultStorageClass admission plugin does.
    var template = child(StatefulSet.class, "grow-db").getSpec().getVolumeClaimTemplates().getFirst();
    client.resource(new PersistentVolumeClaimBuilder(template).editMetadata().withName("data-grow-db-0")
        .withNamespace(TestTaskApps.NAMESPACE).endMetadata()
        .editSpec().withStorageClassName(MockCluster.STANDARD_STORAGE).endSpec().build()).create();

    client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("grow").edit(a -> {
      a.getSpec().setDatabase(new DatabaseSpec());
      a.getSpec().getDatabase().setStorage("5Gi");
      return a;
    });
    await().atMost(Duration.ofSeconds(15)).until(() -> client.persistentVolumeClaims().inNamespace(TestTaskApps.NAMESPACE)
        .withName("data-grow-db-0").get().getSpec().getResources().getRequests().get("storage").equals(new Quantity("5Gi")));
    assertThat(child(StatefulSet.class, "grow-db").getSpec().getVolumeClaimTemplates().getFirst().getSpec().getResources()
        .getRequests().get("storage")).as("the template is immutable and stays").isEqualTo(new Quantity("1Gi"));
  }

  @Test
  void anIngressExistsExactlyWhileTheSpecAsksForIt() {
    var app = TestTaskApps.minimal("exposed");
    var frontend = new FrontendSpec();
    var ingress = new IngressSpec();
    ingress.setHost("tasks.example.com");
    frontend.setIngress(ingress);
    app.getSpec().setFrontend(frontend);
    client.resource(app).create();
    awaitReady("exposed");
    await().atMost(Duration.ofSeconds(15)).until(() -> child(Ingress.class, "exposed-frontend") != null);
    assertThat(get("exposed").getStatus().getUrl()).isEqualTo("http://tasks.example.com");

    client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("exposed").edit(a -> {
      a.getSpec().getFrontend().setIngress(null);
      return a;
    });
    await().atMost(Duration.ofSeconds(15)).until(() -> child(Ingress.class, "exposed-frontend") == null);
    await().atMost(Duration.ofSeconds(15)).until(() -> "http://exposed-frontend.tasks.svc:3000".equals(get("exposed").getStatus().getUrl()));
  }

  @Test
  void tlsAtTheIngressMakesTheUrlAndTheBackendsOriginHttps() {
    var app = TestTaskApps.minimal("secure");
    var frontend = new FrontendSpec();
    var ingress = new IngressSpec();
    ingress.setHost("secure.example.com");
    ingress.setTlsSecretName("secure-example-com-tls");
    ingress.setAnnotations(java.util.Map.of("cert-manager.io/cluster-issuer", "letsencrypt"));
    frontend.setIngress(ingress);
    app.getSpec().setFrontend(frontend);
    app.getSpec().setImagePullSecrets(List.of("registry-credentials"));
    client.resource(app).create();
    awaitReady("secure");

    assertThat(get("secure").getStatus().getUrl()).isEqualTo("https://secure.example.com");
    var created = child(Ingress.class, "secure-frontend");
    assertThat(created.getSpec().getTls()).singleElement()
        .satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("secure-example-com-tls"));
    assertThat(created.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    var backend = child(Deployment.class, "secure-backend").getSpec().getTemplate().getSpec();
    assertThat(backend.getContainers().getFirst().getEnv()).filteredOn(e -> e.getName().equals("CORS_ORIGINS"))
        .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("https://secure.example.com"));
    assertThat(pods("secure-backend")).isNotEmpty().allSatisfy(pod ->
        assertThat(pod.getSpec().getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("registry-credentials"));
    assertThat(child(StatefulSet.class, "secure-db").getSpec().getTemplate().getSpec().getImagePullSecrets())
        .extracting(r -> r.getName()).containsExactly("registry-credentials");

    // An annotation the spec drops leaves the Ingress (JOSDK alone would merge it back in).
    client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("secure").edit(a -> {
      a.getSpec().getFrontend().getIngress().setAnnotations(null);
      return a;
    });
    await().atMost(Duration.ofSeconds(15)).until(() ->
        !child(Ingress.class, "secure-frontend").getMetadata().getAnnotations().containsKey("cert-manager.io/cluster-issuer"));

    // Without the certificate Secret: plain http again, the tls block gone (JOSDK alone would keep it).
    client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("secure").edit(a -> {
      a.getSpec().getFrontend().getIngress().setTlsSecretName(null);
      return a;
    });
    await().atMost(Duration.ofSeconds(15)).until(() -> child(Ingress.class, "secure-frontend").getSpec().getTls().isEmpty()
        && "http://secure.example.com".equals(get("secure").getStatus().getUrl()));
  }

  @Test
  void aMalformedIngressAnnotationIsRefusedAndReportedOnTheTaskApp() {
    var app = TestTaskApps.minimal("badkey");
    var frontend = new FrontendSpec();
    var ingress = new IngressSpec();
    ingress.setHost("badkey.example.com");
    ingress.setAnnotations(java.util.Map.of("not a key/", "x")); // the CRD cannot check map keys; the API server does
    frontend.setIngress(ingress);
    app.getSpec().setFrontend(frontend);
    client.resource(app).create();

    await().atMost(Duration.ofSeconds(30)).until(() -> condition("badkey", "Ready")
        .filter(c -> "Refused".equals(c.getReason()) && c.getMessage().contains("badkey-frontend")).isPresent());
    assertThat(child(Ingress.class, "badkey-frontend")).isNull();
    assertThat(child(Deployment.class, "badkey-frontend")).as("the rest of the TaskApp is reconciled").isNotNull();
    client.resource(get("badkey")).delete(); // it would be retried for as long as it exists
  }
}
