package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Roles, ClusterRoles and their bindings of some manifests, resolved as Kubernetes' RBAC
 * authorizer resolves them: a ClusterRoleBinding grants its ClusterRole's rules everywhere; a
 * RoleBinding grants its Role's (or ClusterRole's) rules in the binding's own namespace only; a
 * binding counts only for the users its subjects name. Nothing is ever denied explicitly: a request
 * is allowed when one rule covers it.
 */
final class RbacPolicy {

  /** One binding, reduced to what matters: where it applies (null: everywhere), which rules, to whom. */
  private record Binding(String namespace, RoleRef roleRef, List<Subject> subjects) {}

  /** Rules by "ClusterRole/NAME" or "Role/NAMESPACE/NAME". */
  private final Map<String, List<PolicyRule>> roles = new HashMap<>();
  private final List<Binding> bindings = new ArrayList<>();

  private RbacPolicy() {}

  static RbacPolicy load(Path manifests) {
    try {
      return parse(Files.readString(manifests));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param yaml one or more documents; kinds other than RBAC's are ignored */
  static RbacPolicy parse(String yaml) {
    Object parsed = new KubernetesSerialization().unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    var documents = parsed instanceof List<?> list ? list : List.of(parsed);
    var policy = new RbacPolicy();
    for (var document : documents) {
      policy.add((KubernetesResource) document);
    }
    return policy;
  }

  private void add(KubernetesResource document) {
    switch (document) {
      case ClusterRole r -> roles.put("ClusterRole/" + r.getMetadata().getName(), nonNull(r.getRules()));
      case Role r -> roles.put("Role/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(), nonNull(r.getRules()));
      case ClusterRoleBinding b -> bindings.add(new Binding(null, b.getRoleRef(), nonNull(b.getSubjects())));
      case RoleBinding b -> bindings.add(new Binding(b.getMetadata().getNamespace(), b.getRoleRef(), nonNull(b.getSubjects())));
      default -> { } // the ServiceAccount, a Deployment...: not policy
    }
  }

  /**
   * The rules that apply to this user's requests in this namespace: those bound cluster-wide, and
   * those bound in the namespace itself. The same set answers a SelfSubjectRulesReview.
   *
   * @param namespace null for a cluster-scoped request (only ClusterRoleBindings apply)
   */
  List<PolicyRule> rulesFor(String user, String namespace) {
    var rules = new ArrayList<PolicyRule>();
    for (var binding : bindings) {
      boolean inScope = binding.namespace() == null || binding.namespace().equals(namespace);
      if (inScope && binding.subjects().stream().anyMatch(s -> appliesTo(s, binding, user))) {
        rules.addAll(roles.getOrDefault(roleKey(binding), List.of()));
      }
    }
    return rules;
  }

  /** Every rule bound to this user, each with the namespace it is confined to (null: everywhere). */
  List<ScopedRule> rulesBoundTo(String user) {
    var rules = new ArrayList<ScopedRule>();
    for (var binding : bindings) {
      if (binding.subjects().stream().anyMatch(s -> appliesTo(s, binding, user))) {
        roles.getOrDefault(roleKey(binding), List.of()).forEach(r -> rules.add(new ScopedRule(binding.namespace(), r)));
      }
    }
    return rules;
  }

  record ScopedRule(String namespace, PolicyRule rule) {}

  /** A RoleBinding may point at a Role of its namespace or at a ClusterRole; a ClusterRoleBinding only at a ClusterRole. */
  private static String roleKey(Binding binding) {
    var ref = binding.roleRef();
    return "Role".equals(ref.getKind()) ? "Role/" + binding.namespace() + "/" + ref.getName() : "ClusterRole/" + ref.getName();
  }

  /**
   * Whether a binding's subject is this user: a ServiceAccount is the user
   * system:serviceaccount:NAMESPACE:NAME (the subject's namespace defaulting to a RoleBinding's own),
   * and belongs to the groups system:serviceaccounts, system:serviceaccounts:NAMESPACE and
   * system:authenticated.
   */
  private static boolean appliesTo(Subject subject, Binding binding, String user) {
    return switch (Objects.requireNonNullElse(subject.getKind(), "")) {
      case "ServiceAccount" -> {
        var namespace = subject.getNamespace() != null ? subject.getNamespace() : binding.namespace();
        yield user.equals("system:serviceaccount:" + namespace + ":" + subject.getName());
      }
      case "User" -> user.equals(subject.getName());
      case "Group" -> groupsOf(user).contains(subject.getName());
      default -> false;
    };
  }

  private static List<String> groupsOf(String user) {
    if (user.equals("system:anonymous")) {
      return List.of("system:unauthenticated");
    }
    var parts = user.split(":");
    if (parts.length == 4 && user.startsWith("system:serviceaccount:")) {
      return List.of("system:serviceaccounts", "system:serviceaccounts:" + parts[2], "system:authenticated");
    }
    return List.of("system:authenticated");
  }

  /**
   * Whether a rule covers a request: its verb, API group and resource each listed (or "*"), where a
   * subresource must be listed as "resource/subresource" (or "*&#47;subresource"): "pods" does not
   * cover pods/status. A rule with resourceNames covers only requests that name one of them; a
   * create or a deletecollection names nothing, a list or watch only through a metadata.name field
   * selector ({@link ApiRequest#rbacName()}).
   */
  static boolean covers(PolicyRule rule, ApiRequest request) {
    return listsOrAll(rule.getVerbs(), request.verb())
        && listsOrAll(rule.getApiGroups(), request.group())
        && coversResource(nonNull(rule.getResources()), request.resource(), request.subresource())
        && coversName(nonNull(rule.getResourceNames()), request.rbacName());
  }

  private static boolean listsOrAll(List<String> values, String value) {
    return values != null && (values.contains("*") || values.contains(value));
  }

  private static boolean coversResource(List<String> resources, String resource, String subresource) {
    var requested = subresource == null ? resource : resource + "/" + subresource;
    return resources.contains("*") || resources.contains(requested)
        || (subresource != null && resources.contains("*/" + subresource));
  }

  private static boolean coversName(List<String> names, String name) {
    return names.isEmpty() || (name != null && names.contains(name));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
