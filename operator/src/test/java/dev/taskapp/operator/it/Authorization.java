package dev.taskapp.operator.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewSpec;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server's authorizer: the administrators may do anything; everyone else (the operator's
 * ServiceAccount) only what the RBAC rules of k8s/operator/rbac.yaml, as shipped, grant (see
 * {@link RbacPolicy}). A request not granted gets the 403 Status an API server answers. Every
 * decision on the operator's requests is recorded ({@link #operatorAccess()}).
 */
final class Authorization {

  private static final Logger LOG = LoggerFactory.getLogger(Authorization.class);

  /** The shipped manifests, relative to the operator module (where Maven runs the tests). */
  static final Path RBAC_MANIFESTS = Path.of("../k8s/operator/rbac.yaml");

  /** One (verb, API group, resource[/subresource]) the operator asked for, and whether it was granted. */
  record Access(String verb, String group, String resource, boolean granted) {
    @Override
    public String toString() {
      return verb + " " + (group.isEmpty() ? "core" : group) + " " + resource;
    }
  }

  private final RbacPolicy policy;
  private final Set<Access> operatorAccess = ConcurrentHashMap.newKeySet();

  Authorization(RbacPolicy policy) {
    this.policy = policy;
  }

  RbacPolicy policy() {
    return policy;
  }

  /** @return the API server's 403 when the rules do not grant the request; empty when they do */
  Optional<MockResponse> refuse(ApiRequest request) {
    if (request.user().equals(MockCluster.ADMIN_USER)) {
      return Optional.empty();
    }
    boolean granted = policy.rulesFor(request.user(), request.namespace()).stream()
        .anyMatch(rule -> RbacPolicy.covers(rule, request));
    var response = granted ? Optional.<MockResponse>empty() : Optional.of(forbidden(request));
    boolean firstTime = request.user().equals(MockCluster.OPERATOR_USER)
        && operatorAccess.add(new Access(request.verb(), request.group(), request.rbacResource(), granted));
    if (firstTime && !granted) {
      // once per (verb, group, resource): enough to find in a test's log what rbac.yaml lacks
      LOG.warn("RBAC refused the operator {} {}: {}", request.raw().getMethod(), request.raw().getPath(),
          new String(response.get().getBody().getBytes(), StandardCharsets.UTF_8));
    }
    return response;
  }

  /** What the operator's ServiceAccount was granted or refused so far. */
  Set<Access> operatorAccess() {
    return Set.copyOf(operatorAccess);
  }

  /**
   * The answer to a SelfSubjectRulesReview (already authorized as a create): the rules that apply
   * to the asking user in spec.namespace. A real API server adds the rules every authenticated user
   * has (system:basic-user, system:discovery); they grant nothing about the resources asked here.
   */
  SelfSubjectRulesReview rulesReview(RecordedRequest request) {
    var asked = parse(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
    var spec = Optional.ofNullable(asked.getSpec()).orElseGet(SelfSubjectRulesReviewSpec::new);
    var user = Optional.ofNullable(ApiRequest.of(request)).map(ApiRequest::user).orElse(MockCluster.ADMIN_USER);
    List<PolicyRule> rules = user.equals(MockCluster.ADMIN_USER)
        ? List.of(new PolicyRuleBuilder().withVerbs("*").withApiGroups("*").withResources("*").build())
        : policy.rulesFor(user, spec.getNamespace());
    return new SelfSubjectRulesReviewBuilder().withSpec(spec).withNewStatus()
        .withResourceRules(rules.stream().map(rule -> new ResourceRuleBuilder().withVerbs(rule.getVerbs())
            .withApiGroups(rule.getApiGroups()).withResources(rule.getResources())
            .withResourceNames(rule.getResourceNames()).build()).toList())
        .withNonResourceRules(List.of()).withIncomplete(false)
        .endStatus().build();
  }

  private static SelfSubjectRulesReview parse(String body) {
    try {
      return Serialization.jsonMapper().readValue(body, SelfSubjectRulesReview.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a SelfSubjectRulesReview: " + body, e);
    }
  }

  /**
   * The API server's 403, worded as it words it: the resource (qualified by its group) and name
   * the request named, then what the user cannot do, where. The subresource shows in the
   * "cannot" part only ("pods/status"); details.kind is the resource.
   */
  static MockResponse forbidden(ApiRequest request) {
    var resource = request.group().isEmpty() ? request.resource() : request.resource() + "." + request.group();
    var name = request.rbacName();
    var where = request.namespace() == null ? "at the cluster scope" : "in the namespace \"" + request.namespace() + "\"";
    var message = "%s%s is forbidden: User \"%s\" cannot %s resource \"%s\" in API group \"%s\" %s".formatted(
        resource, name == null ? "" : " \"" + name + "\"", request.user(), request.verb(), request.rbacResource(),
        request.group(), where);
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status").put("apiVersion", "v1").putObject("metadata");
    status.put("status", "Failure").put("message", message).put("reason", "Forbidden");
    var details = status.putObject("details");
    if (name != null) {
      details.put("name", name);
    }
    if (!request.group().isEmpty()) {
      details.put("group", request.group());
    }
    details.put("kind", request.resource());
    status.put("code", 403);
    return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
        .setBody(status.toString());
  }
}
