package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.Queue;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Set;

/**
 * fabric8's mock API server in CRUD mode, made as strict as a real API server (see
 * {@link StrictDispatcher}): the operator's client is its ServiceAccount, held to
 * k8s/operator/rbac.yaml; objects are validated; patches apply as the API server applies them. The
 * TaskApp CRD from k8s/crd is installed, and the status subresource is on for Deployments,
 * StatefulSets and Pods as a real API server has it (so an update of the spec never wipes the status
 * the workload controllers wrote).
 */
public final class MockCluster implements AutoCloseable {

  /** Who the operator's requests come from, as the API server names a ServiceAccount. */
  public static final String OPERATOR_USER = "system:serviceaccount:taskapp-system:taskapp-operator";
  /** The test's own requests and the kubelet double's: the cluster's administrators, allowed everything. */
  public static final String ADMIN_USER = "kubernetes-admin";
  /** The default StorageClass, which allows volume expansion. */
  public static final String STANDARD_STORAGE = "standard";
  /** A StorageClass without volume expansion, as k3s and kind ship. */
  public static final String LOCAL_PATH_STORAGE = "local-path";
  static final String OPERATOR_TOKEN = "operator-service-account-token";
  /** The token every client of fabric8's mock server sends (KubernetesMockServer#createClient): the admins'. */
  private static final String MOCK_CLIENT_TOKEN = "secret";
  private static final String RULES_REVIEW_PATH = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Authorization authorization;
  private final AdmissionPolicies admission = new AdmissionPolicies();

  public MockCluster() {
    this(RbacPolicy.load(Authorization.RBAC_MANIFESTS));
  }

  /** A cluster whose RBAC rules are these instead of the shipped ones (to show what a missing grant does). */
  MockCluster(RbacPolicy rbac) {
    authorization = new Authorization(rbac);
    var expectations = new HashMap<ServerRequest, Queue<ServerResponse>>();
    server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), expectations,
        new StrictDispatcher(expectations, authorization, admission), false);
    server.init();
    // JOSDK asks, before leader election, which Lease verbs it has: answered from the same rules.
    server.expect().post().withPath(RULES_REVIEW_PATH).andReply(201, authorization::rulesReview).always();
    client = server.createClient();
    client.apiextensions().v1().customResourceDefinitions()
        .load(Path.of("../k8s/crd/taskapps.taskapp.dev-v1.yml").toFile()).create();
    statusSubresource("apps", "deployments", "Deployment");
    statusSubresource("apps", "statefulsets", "StatefulSet");
    statusSubresource("", "pods", "Pod");
    storageClass(STANDARD_STORAGE, true);
    storageClass(LOCAL_PATH_STORAGE, false);
  }

  /**
   * The cluster's StorageClasses: the default one can grow volumes (as on most clouds); local-path,
   * as k3s and kind ship it, cannot.
   */
  private void storageClass(String name, boolean expandable) {
    client.resource(new StorageClassBuilder().withNewMetadata().withName(name)
        .addToAnnotations("storageclass.kubernetes.io/is-default-class", String.valueOf(name.equals(STANDARD_STORAGE))).endMetadata()
        .withProvisioner(expandable ? "csi.example.com" : "rancher.io/local-path")
        .withAllowVolumeExpansion(expandable ? true : null).build()).create();
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
      var api = ApiRequest.of(request);
      return ApiErrors.conflictStatus(api.group(), api.resource(), api.name());
    }).times(times);
  }

  /** A client with the cluster's administrators' rights, like {@link #client()}. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /** A client that authenticates as the operator's ServiceAccount ({@link #OPERATOR_USER}). */
  public KubernetesClient operatorClient() {
    var config = new ConfigBuilder(server.createClient().getConfiguration()).withOauthToken(OPERATOR_TOKEN).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The user a bearer token stands for; an unknown token is anonymous, as on an API server without it. */
  static String userOfToken(String token) {
    return switch (token) {
      case OPERATOR_TOKEN -> OPERATOR_USER;
      case MOCK_CLIENT_TOKEN -> ADMIN_USER;
      default -> "system:anonymous";
    };
  }

  /**
   * Each (verb, API group, resource[/subresource]) the operator's ServiceAccount asked for so far,
   * and whether k8s/operator/rbac.yaml granted it.
   */
  Set<Authorization.Access> operatorAccess() {
    return authorization.operatorAccess();
  }

  /** The RBAC rules the cluster enforces: k8s/operator/rbac.yaml as shipped. */
  RbacPolicy rbac() {
    return authorization.policy();
  }

  /** What this cluster's admission (webhooks, quotas) denies, as a test sets it. */
  public AdmissionPolicies admission() {
    return admission;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
