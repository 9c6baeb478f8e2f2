package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * fabric8's mock API server in CRUD mode, with the TaskApp CRD from k8s/crd installed, and the
 * status subresource switched on for Deployments and StatefulSets as a real API server has it (so
 * an update of the spec never wipes the status the workload controllers wrote).
 */
public final class MockCluster implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public MockCluster() {
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init();
    client = server.createClient();
    client.apiextensions().v1().customResourceDefinitions()
        .load(Path.of("../k8s/crd/taskapps.taskapp.dev-v1.yml").toFile()).create();
    statusSubresource("apps", "deployments", "Deployment");
    statusSubresource("apps", "statefulsets", "StatefulSet");
    statusSubresource("", "pods", "Pod");
  }

  private void statusSubresource(String group, String plural, String kind) {
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName(plural + "." + (group.isEmpty() ? "core" : group)).endMetadata()
        .withNewSpec().withGroup(group).withScope("Namespaced")
        .withNewNames().withPlural(plural).withKind(kind).endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSubresources().withNewStatus().endStatus().endSubresources()
        .endVersion()
        .endSpec().build()).create();
  }

  /** A client for the test itself; the operator gets its own (see {@link #newClient()}). */
  public KubernetesClient client() {
    return client;
  }

  public KubernetesClient newClient() {
    return server.createClient();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
