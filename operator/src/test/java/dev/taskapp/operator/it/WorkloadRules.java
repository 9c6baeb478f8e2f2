package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Deployments, StatefulSets and Pods: replicas, selector against the template's labels, the pod spec. */
final class WorkloadRules {

  private WorkloadRules() {}

  static void pod(JsonNode pod, List<FieldError> errors) throws Quantities.Unparseable {
    PodSpecRules.validate(pod.path("spec"), "spec", true, errors);
  }

  static void deployment(JsonNode deployment, List<FieldError> errors) throws Quantities.Unparseable {
    workload(deployment.path("spec"), "deployment", errors);
    PodSpecRules.validate(deployment.path("spec").path("template").path("spec"), "spec.template.spec", true, errors);
  }

  static void statefulSet(JsonNode statefulSet, List<FieldError> errors) throws Quantities.Unparseable {
    var spec = statefulSet.path("spec");
    workload(spec, "statefulset", errors);
    PodSpecRules.validate(spec.path("template").path("spec"), "spec.template.spec", false, errors);
    var claims = spec.path("volumeClaimTemplates");
    for (int i = 0; i < claims.size(); i++) {
      var at = "spec.volumeClaimTemplates[" + i + "]";
      MetadataRules.labels(claims.get(i).path("metadata").path("labels"), at + ".metadata.labels", errors);
      DataRules.claimSpec(claims.get(i).path("spec"), at + ".spec", errors);
    }
  }

  private static void workload(JsonNode spec, String kindWord, List<FieldError> errors) {
    var replicas = spec.path("replicas");
    if (replicas.isNumber() && replicas.asLong() < 0) {
      errors.add(FieldError.invalid("spec.replicas", replicas.asLong(), "must be greater than or equal to 0"));
    }
    var templateLabels = spec.path("template").path("metadata").path("labels");
    MetadataRules.labels(templateLabels, "spec.template.metadata.labels", errors);
    var selector = spec.get("selector");
    if (selector == null || selector.isNull()) {
      errors.add(FieldError.required("spec.selector", ""));
      return;
    }
    MetadataRules.selector(selector, "spec.selector", errors);
    if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
      errors.add(FieldError.invalid("spec.selector", selector.toString(), "empty selector is invalid for " + kindWord));
    } else if (!MetadataRules.matches(selector, templateLabels)) {
      errors.add(new FieldError(FieldError.Type.INVALID, "spec.template.metadata.labels",
          new GoValue(MetadataRules.goMap(templateLabels)), "`selector` does not match template `labels`"));
    }
  }

  /** A value the API server prints with Go's %#v, not quoted. */
  record GoValue(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}
