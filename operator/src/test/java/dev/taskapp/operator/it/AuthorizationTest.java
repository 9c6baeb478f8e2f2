package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The authorizer double refuses what Kubernetes' RBAC authorizer refuses: one rule of RBAC per
 * test, on small policies written for it (the shipped rbac.yaml is the operator ITs' business).
 */
class AuthorizationTest {

  private static final String OPERATOR = MockCluster.OPERATOR_USER;

  /** The shape of k8s/operator/rbac.yaml: a ClusterRole bound cluster-wide, a Role for the Lease. */
  private static final String POLICY = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: operator}
      rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get", "list", "watch", "patch"]
        - apiGroups: ["authorization.k8s.io"]
          resources: ["selfsubjectrulesreviews"]
          verbs: ["create"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: operator}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
      subjects: [{kind: ServiceAccount, name: taskapp-operator, namespace: taskapp-system}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: leader-election, namespace: taskapp-system}
      rules:
        - apiGroups: ["coordination.k8s.io"]
          resources: ["leases"]
          verbs: ["get", "create", "update"]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: leader-election, namespace: taskapp-system}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: leader-election}
      subjects: [{kind: ServiceAccount, name: taskapp-operator, namespace: taskapp-system}]
      """;

  private final Authorization authorization = new Authorization(RbacPolicy.parse(POLICY));

  @Test
  @DisplayName("A verb the rule does not list is refused, with the API server's exact 403 Status")
  void verbNotGranted() {
    assertThat(allowed(authorization, "GET", "/apis/coordination.k8s.io/v1/namespaces/taskapp-system/leases/taskapp-operator")).isTrue();
    assertThat(body(authorization, "PATCH", "/apis/coordination.k8s.io/v1/namespaces/taskapp-system/leases/taskapp-operator"))
        .isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
            + "\"leases.coordination.k8s.io \\\"taskapp-operator\\\" is forbidden: User \\\"system:serviceaccount:taskapp-system:taskapp-operator\\\""
            + " cannot patch resource \\\"leases\\\" in API group \\\"coordination.k8s.io\\\" in the namespace \\\"taskapp-system\\\"\","
            + "\"reason\":\"Forbidden\",\"details\":{\"name\":\"taskapp-operator\",\"group\":\"coordination.k8s.io\",\"kind\":\"leases\"},\"code\":403}");
  }

  @Test
  @DisplayName("RBAC: a subresource is its own resource; 'pods' does not grant 'pods/status'")
  void subresourceNotImpliedByResource() {
    assertThat(allowed(authorization, "PATCH", "/api/v1/namespaces/tasks/pods/web-0")).isTrue();
    // core group: the resource is not qualified and details carry no group; the subresource shows
    // in the "cannot" part only
    assertThat(body(authorization, "PATCH", "/api/v1/namespaces/tasks/pods/web-0/status"))
        .contains("\"message\":\"pods \\\"web-0\\\" is forbidden: User \\\"" + OPERATOR + "\\\" cannot patch resource \\\"pods/status\\\" in API group \\\"\\\" in the namespace \\\"tasks\\\"\"")
        .contains("\"details\":{\"name\":\"web-0\",\"kind\":\"pods\"}");
    var wildcard = new Authorization(RbacPolicy.parse(policy("Cluster", "", "\"*/status\"", "\"patch\"", "")));
    assertThat(allowed(wildcard, "PATCH", "/api/v1/namespaces/tasks/pods/web-0/status")).as("*/status").isTrue();
    assertThat(allowed(wildcard, "PATCH", "/api/v1/namespaces/tasks/pods/web-0")).as("*/status is not pods").isFalse();
  }

  @Test
  @DisplayName("RBAC: a Role bound by a RoleBinding grants only in the binding's namespace")
  void roleOnlyInItsNamespace() {
    assertThat(allowed(authorization, "POST", "/apis/coordination.k8s.io/v1/namespaces/taskapp-system/leases")).isTrue();
    assertThat(body(authorization, "POST", "/apis/coordination.k8s.io/v1/namespaces/tasks/leases"))
        .contains("leases.coordination.k8s.io is forbidden: User \\\"" + OPERATOR + "\\\" cannot create resource \\\"leases\\\" in API group \\\"coordination.k8s.io\\\" in the namespace \\\"tasks\\\"");
    // a ClusterRole bound by a RoleBinding is confined the same way
    var clusterRoleInNamespace = new Authorization(RbacPolicy.parse(policy("", "coordination.k8s.io", "\"leases\"", "\"get\"", "")));
    assertThat(allowed(clusterRoleInNamespace, "GET", "/apis/coordination.k8s.io/v1/namespaces/taskapp-system/leases/x")).isTrue();
    assertThat(allowed(clusterRoleInNamespace, "GET", "/apis/coordination.k8s.io/v1/namespaces/tasks/leases/x")).isFalse();
  }

  @Test
  @DisplayName("RBAC: resourceNames grant only requests naming them; never a create, a plain list or a deletecollection")
  void resourceNames() {
    var named = new Authorization(RbacPolicy.parse(policy("Cluster", "coordination.k8s.io", "\"leases\"",
        "\"get\", \"list\", \"watch\", \"create\", \"deletecollection\"", "taskapp-operator")));
    var leases = "/apis/coordination.k8s.io/v1/namespaces/taskapp-system/leases";
    assertThat(allowed(named, "GET", leases + "/taskapp-operator")).isTrue();
    assertThat(allowed(named, "GET", leases + "/another")).isFalse();
    assertThat(allowed(named, "GET", leases)).as("list").isFalse();
    assertThat(allowed(named, "GET", leases + "?fieldSelector=metadata.name%3Dtaskapp-operator&watch=true"))
        .as("a watch pinned to the name by a field selector").isTrue();
    assertThat(allowed(named, "POST", leases)).as("create: the name is not in the URL").isFalse();
    assertThat(allowed(named, "DELETE", leases)).as("deletecollection").isFalse();
    assertThat(body(named, "GET", leases)).contains("cannot list resource \\\"leases\\\"").contains("\"details\":{\"group\"");
  }

  @Test
  @DisplayName("RBAC: a binding counts only for the subjects it names")
  void bindingToAnotherSubjectDoesNotCount() {
    var otherAccount = new Authorization(RbacPolicy.parse(POLICY.replace(
        "subjects: [{kind: ServiceAccount, name: taskapp-operator, namespace: taskapp-system}]",
        "subjects: [{kind: ServiceAccount, name: default, namespace: taskapp-system}]")));
    assertThat(allowed(otherAccount, "GET", "/api/v1/namespaces/tasks/pods/web-0")).isFalse();
    var otherNamespace = new Authorization(RbacPolicy.parse(POLICY.replace(
        "subjects: [{kind: ServiceAccount, name: taskapp-operator, namespace: taskapp-system}]",
        "subjects: [{kind: ServiceAccount, name: taskapp-operator, namespace: tasks}]")));
    assertThat(allowed(otherNamespace, "GET", "/api/v1/namespaces/tasks/pods/web-0")).as("same name, other namespace").isFalse();
    var group = new Authorization(RbacPolicy.parse(POLICY.replace(
        "subjects: [{kind: ServiceAccount, name: taskapp-operator, namespace: taskapp-system}]",
        "subjects: [{kind: Group, name: \"system:serviceaccounts:taskapp-system\"}]")));
    assertThat(allowed(group, "GET", "/api/v1/namespaces/tasks/pods/web-0")).as("the ServiceAccounts' group").isTrue();
  }

  @Test
  @DisplayName("RBAC: a cluster-scoped request is granted by ClusterRoleBindings only, refused 'at the cluster scope'")
  void clusterScopedResource() {
    assertThat(allowed(authorization, "POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")).isTrue();
    var namespacedOnly = new Authorization(RbacPolicy.parse(policy("", "authorization.k8s.io",
        "\"selfsubjectrulesreviews\"", "\"create\"", "")));
    assertThat(body(namespacedOnly, "POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews"))
        .contains("\"message\":\"selfsubjectrulesreviews.authorization.k8s.io is forbidden: User \\\"" + OPERATOR
            + "\\\" cannot create resource \\\"selfsubjectrulesreviews\\\" in API group \\\"authorization.k8s.io\\\" at the cluster scope\"");
    assertThat(body(authorization, "GET", "/api/v1/pods?watch=true"))
        .as("pods across all namespaces are granted (ClusterRole), namespaces are not")
        .isNull();
    assertThat(body(authorization, "GET", "/apis/storage.k8s.io/v1/storageclasses/fast"))
        .contains("storageclasses.storage.k8s.io \\\"fast\\\" is forbidden: User \\\"" + OPERATOR + "\\\" cannot get resource \\\"storageclasses\\\" in API group \\\"storage.k8s.io\\\" at the cluster scope");
    // The API server's one exception: a Namespace is authorized as if it lived in itself.
    assertThat(body(authorization, "GET", "/api/v1/namespaces/tasks"))
        .contains("namespaces \\\"tasks\\\" is forbidden: User \\\"" + OPERATOR + "\\\" cannot get resource \\\"namespaces\\\" in API group \\\"\\\" in the namespace \\\"tasks\\\"");
  }

  @Test
  @DisplayName("RBAC: '*' in verbs, apiGroups and resources matches anything")
  void wildcards() {
    var all = new Authorization(RbacPolicy.parse(policy("Cluster", "*", "\"*\"", "\"*\"", "")));
    assertThat(allowed(all, "DELETE", "/apis/apps/v1/namespaces/tasks/deployments/web")).isTrue();
    assertThat(allowed(all, "PUT", "/apis/taskapp.dev/v1/namespaces/tasks/taskapps/web/status")).isTrue();
  }

  @Test
  @DisplayName("The cluster's administrators (the test's own clients) may do anything; an unknown token nothing")
  void adminAndAnonymous() {
    var admin = ApiRequest.of(new RecordedRequest("HTTP/1.1", HttpMethod.DELETE, "/api/v1/namespaces/tasks/secrets/s",
        Headers.builder().build(), new Buffer()));
    assertThat(authorization.refuse(admin)).isEmpty();
    var anonymous = request("GET", "/api/v1/namespaces/tasks/pods/web-0", "not-a-known-token");
    assertThat(authorization.refuse(anonymous)).isPresent();
  }

  @Test
  @DisplayName("SelfSubjectRulesReview: the rules bound cluster-wide plus those bound in spec.namespace")
  void rulesReview() {
    assertThat(reviewedResources("taskapp-system")).containsExactly(List.of("pods"), List.of("selfsubjectrulesreviews"), List.of("leases"));
    assertThat(reviewedResources("tasks")).containsExactly(List.of("pods"), List.of("selfsubjectrulesreviews"));
  }

  @Test
  @DisplayName("Each decision on the operator's requests is recorded as (verb, group, resource/subresource)")
  void recordsTheOperatorsAccess() {
    allowed(authorization, "GET", "/api/v1/namespaces/tasks/pods?watch=true");
    allowed(authorization, "PATCH", "/api/v1/namespaces/tasks/pods/web-0/status");
    assertThat(authorization.operatorAccess()).containsExactlyInAnyOrder(
        new Authorization.Access("watch", "", "pods", true), new Authorization.Access("patch", "", "pods/status", false));
  }

  private List<List<String>> reviewedResources(String namespace) {
    var body = "{\"apiVersion\":\"authorization.k8s.io/v1\",\"kind\":\"SelfSubjectRulesReview\",\"spec\":{\"namespace\":\"" + namespace + "\"}}";
    var request = new RecordedRequest("HTTP/1.1", HttpMethod.POST, "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
        Headers.builder().add("Authorization", "Bearer " + MockCluster.OPERATOR_TOKEN).build(),
        new Buffer(body.getBytes(StandardCharsets.UTF_8)));
    var review = authorization.rulesReview(request);
    assertThat(review.getSpec().getNamespace()).isEqualTo(namespace);
    return review.getStatus().getResourceRules().stream().map(ResourceRule::getResources).toList();
  }

  /**
   * One rule bound to the operator's ServiceAccount.
   *
   * @param scope "Cluster": a ClusterRole by a ClusterRoleBinding; "": a ClusterRole by a RoleBinding in taskapp-system
   */
  private static String policy(String scope, String group, String resources, String verbs, String resourceName) {
    var names = resourceName.isEmpty() ? "" : "\n    resourceNames: [\"" + resourceName + "\"]";
    var binding = scope.equals("Cluster") ? "kind: ClusterRoleBinding\nmetadata: {name: b}"
        : "kind: RoleBinding\nmetadata: {name: b, namespace: taskapp-system}";
    return """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r}
        rules:
          - apiGroups: ["%s"]
            resources: [%s]
            verbs: [%s]%s
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        %s
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}
        subjects: [{kind: ServiceAccount, name: taskapp-operator, namespace: taskapp-system}]
        """.formatted(group, resources, verbs, names, binding);
  }

  private static boolean allowed(Authorization authorization, String method, String path) {
    return authorization.refuse(request(method, path, MockCluster.OPERATOR_TOKEN)).isEmpty();
  }

  /** The 403's body, or null when the request is granted. */
  private static String body(Authorization authorization, String method, String path) {
    Optional<MockResponse> refusal = authorization.refuse(request(method, path, MockCluster.OPERATOR_TOKEN));
    refusal.ifPresent(r -> assertThat(r.code()).isEqualTo(403));
    return refusal.map(r -> new String(r.getBody().getBytes(), StandardCharsets.UTF_8)).orElse(null);
  }

  private static ApiRequest request(String method, String path, String token) {
    return ApiRequest.of(new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), path,
        Headers.builder().add("Authorization", "Bearer " + token).build(), new Buffer()));
  }
}
