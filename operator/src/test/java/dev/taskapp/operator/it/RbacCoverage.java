package dev.taskapp.operator.it;

import dev.taskapp.operator.it.Authorization.Access;
import dev.taskapp.operator.it.RbacPolicy.ScopedRule;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * What the operator's requests did with its RBAC grants: the (verb, group, resource) it used and was
 * granted, those it was refused, and the grants it never used.
 *
 * @param used granted (verb, group, resource[/subresource]), sorted
 * @param refused refused ones, sorted
 * @param unused each granted (verb, group, resource) of the rules no granted request matched, as
 *     "verb group resource" (with " in NAMESPACE" when a RoleBinding confines it), sorted
 */
record RbacCoverage(List<Access> used, List<Access> refused, List<String> unused) {

  static RbacCoverage of(Collection<Access> access, List<ScopedRule> rules) {
    var byName = Comparator.comparing(Access::toString);
    var used = access.stream().filter(Access::granted).sorted(byName).toList();
    var refused = access.stream().filter(a -> !a.granted()).sorted(byName).toList();
    var unused = new TreeSet<String>();
    for (var scoped : rules) {
      var rule = scoped.rule();
      for (var verb : rule.getVerbs()) {
        for (var group : rule.getApiGroups()) {
          for (var resource : rule.getResources()) {
            if (used.stream().noneMatch(a -> matches(verb, a.verb()) && matches(group, a.group()) && resourceMatches(resource, a.resource()))) {
              unused.add(new Access(verb, group, resource, true) + (scoped.namespace() == null ? "" : " in " + scoped.namespace()));
            }
          }
        }
      }
    }
    return new RbacCoverage(used, refused, List.copyOf(unused));
  }

  private static boolean matches(String granted, String asked) {
    return granted.equals("*") || granted.equals(asked);
  }

  /** "*" covers everything, "*&#47;status" any resource's status (as RBAC matches them). */
  private static boolean resourceMatches(String granted, String asked) {
    return granted.equals("*") || granted.equals(asked)
        || (granted.startsWith("*/") && asked.endsWith(granted.substring(1)));
  }
}
