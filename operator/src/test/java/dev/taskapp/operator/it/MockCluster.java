package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.Queue;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * fabric8's mock API server in CRUD mode, with the TaskApp CRD from k8s/crd installed, and the
 * status subresource switched on for Deployments and StatefulSets as a real API server has it (so
 * an update of the spec never wipes the status the workload controllers wrote), and a status write
 * from a stale resourceVersion refused with 409 as a real API server does (see
 * {@link StatusLockingDispatcher}).
 */
public final class MockCluster implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  public MockCluster() {
    var expectations = new HashMap<ServerRequest, Queue<ServerResponse>>();
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), expectations,
        new StatusLockingDispatcher(expectations), false);
    server.init();
    // CRUD for everything but the one call the mock cannot answer: JOSDK's check, before leader
    // election, that it may use Leases (what the ClusterRole in k8s/operator grants).
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().addNewResourceRule()
            .withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("create", "get", "update")
            .endResourceRule().withIncomplete(false).endStatus().build())
        .always();
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

  /**
   * The next {@code times} updates (PUT) of this object's path answer 409 Conflict, as an API server
   * does when the resourceVersion sent is stale; {@code onConflict} runs on each.
   */
  public void conflictOnUpdate(String path, int times, Runnable onConflict) {
    server.expect().put().withPath(path).andReply(409, request -> {
      onConflict.run();
      return StatusLockingDispatcher.conflictStatus();
    }).times(times);
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
