package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an update may not change (the API server's ValidateXxxUpdate): a StatefulSet's spec but for
 * its mutable fields, a Deployment's selector, a claim's spec but for its storage request (which may
 * not shrink), the data of an immutable Secret. Compared as sent: the double applies no defaults, so
 * both sides lack the same defaulted fields.
 */
final class UpdateRules {

  /** What a StatefulSet update may change (Kubernetes 1.31). */
  private static final List<String> STATEFULSET_MUTABLE = List.of("replicas", "ordinals", "template", "updateStrategy",
      "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

  private UpdateRules() {}

  static void check(String kind, JsonNode object, JsonNode stored, List<FieldError> errors) throws Quantities.Unparseable {
    switch (kind) {
      case "StatefulSet" -> {
        if (!same(without(object.path("spec"), STATEFULSET_MUTABLE), without(stored.path("spec"), STATEFULSET_MUTABLE))) {
          errors.add(FieldError.forbidden("spec", "updates to statefulset spec for fields other than 'replicas', 'ordinals', "
              + "'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
              + "'minReadySeconds' are forbidden"));
        }
      }
      case "Deployment" -> {
        var selector = object.path("spec").path("selector");
        if (!same(selector, stored.path("spec").path("selector"))) {
          errors.add(FieldError.invalid("spec.selector", selector.toString(), "field is immutable"));
        }
      }
      case "PersistentVolumeClaim" -> claim(object.path("spec"), stored.path("spec"), errors);
      case "Secret" -> {
        if (stored.path("immutable").asBoolean(false)) {
          if (!object.path("immutable").asBoolean(false)) {
            errors.add(FieldError.forbidden("immutable", "field is immutable when `immutable` is set"));
          }
          if (!same(object.path("data"), stored.path("data")) || !object.path("stringData").isMissingNode()) {
            errors.add(FieldError.forbidden("data", "field is immutable when `immutable` is set"));
          }
        }
      }
      default -> { }
    }
  }

  private static void claim(JsonNode spec, JsonNode old, List<FieldError> errors) throws Quantities.Unparseable {
    var requests = List.of("resources");
    if (!same(without(spec, requests), without(old, requests)) || !same(spec.path("resources").path("limits"), old.path("resources").path("limits"))) {
      errors.add(FieldError.forbidden("spec", "spec is immutable after creation except resources.requests for bound claims"));
    }
    var size = spec.path("resources").path("requests").path("storage");
    var was = old.path("resources").path("requests").path("storage");
    if (size.isTextual() && was.isTextual() && Quantities.parse(size.asText()).compareTo(Quantities.parse(was.asText())) < 0) {
      errors.add(FieldError.forbidden("spec.resources.requests.storage", "field can not be less than previous value"));
    }
  }

  private static JsonNode without(JsonNode spec, List<String> fields) {
    if (!(spec instanceof ObjectNode object)) {
      return spec;
    }
    var copy = object.deepCopy();
    copy.remove(fields);
    return copy;
  }

  /** Equal but for empty values: an absent field, null, [] and {} all mean "not set" here. */
  private static boolean same(JsonNode a, JsonNode b) {
    return normalized(a).equals(normalized(b));
  }

  private static JsonNode normalized(JsonNode node) {
    if (node instanceof ObjectNode object) {
      var copy = object.objectNode();
      object.properties().forEach(e -> {
        var value = normalized(e.getValue());
        if (!value.isMissingNode()) {
          copy.set(e.getKey(), value);
        }
      });
      return copy.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : copy;
    }
    if (node instanceof ArrayNode array) {
      var copy = array.arrayNode();
      array.forEach(e -> copy.add(normalized(e).isMissingNode() ? array.objectNode() : normalized(e)));
      return copy.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : copy;
    }
    return node == null || node.isNull() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
  }
}
