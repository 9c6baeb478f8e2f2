package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** ObjectMeta as the API server validates it (name by kind, labels, annotation keys) and label selectors. */
final class MetadataRules {

  /**
   * The StatefulSet controller labels each pod with controller-revision-hash = name + "-" + a hash of
   * up to 10 characters, and a label value may not pass 63 characters: over 52 the API server takes
   * the StatefulSet but its pods are never created. The controller's rule, not the API server's.
   */
  static final int STATEFULSET_NAME_FOR_CONTROLLER = 52;

  private static final Map<String, Function<String, List<String>>> NAME_RULE = Map.of(
      "Service", NameRules::dns1035Label,
      "Namespace", NameRules::dns1123Label,
      "StatefulSet", NameRules::dns1123Label);

  private MetadataRules() {}

  static void validate(String kind, JsonNode object, List<FieldError> errors) {
    var meta = object.path("metadata");
    var name = meta.path("name").asText("");
    if (name.isEmpty() && meta.path("generateName").asText("").isEmpty()) {
      errors.add(FieldError.required("metadata.name", "name or generateName is required"));
    } else if (!name.isEmpty()) {
      NAME_RULE.getOrDefault(kind, NameRules::dns1123Subdomain).apply(name)
          .forEach(m -> errors.add(FieldError.invalid("metadata.name", name, m)));
      if (kind.equals("StatefulSet") && name.length() > STATEFULSET_NAME_FOR_CONTROLLER && name.length() <= 63) {
        errors.add(FieldError.invalid("metadata.name", name, NameRules.maxLength(STATEFULSET_NAME_FOR_CONTROLLER)
            + " (the StatefulSet controller's rule, not the API server's: it labels each pod with controller-revision-hash,"
            + " the name, '-' and a 10-character hash, and a label value must be no more than 63 characters)"));
      }
    }
    labels(meta.path("labels"), "metadata.labels", errors);
    annotations(meta.path("annotations"), errors);
  }

  /** metav1validation.ValidateLabels: each key a qualified name, each value a label value; the field is the map's. */
  static void labels(JsonNode labels, String field, List<FieldError> errors) {
    for (var label : labels.properties()) {
      NameRules.qualifiedName(label.getKey()).forEach(m -> errors.add(FieldError.invalid(field, label.getKey(), m)));
      var value = label.getValue().asText("");
      NameRules.labelValue(value).forEach(m -> errors.add(FieldError.invalid(field, value, m)));
    }
  }

  private static void annotations(JsonNode annotations, List<FieldError> errors) {
    for (var key : annotations.properties()) {
      NameRules.qualifiedName(key.getKey().toLowerCase())
          .forEach(m -> errors.add(FieldError.invalid("metadata.annotations", key.getKey(), m)));
    }
  }

  /** metav1validation.ValidateLabelSelector: matchLabels as labels, each matchExpressions key a qualified name. */
  static void selector(JsonNode selector, String field, List<FieldError> errors) {
    labels(selector.path("matchLabels"), field + ".matchLabels", errors);
    var expressions = selector.path("matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      var at = field + ".matchExpressions[" + i + "]";
      var key = expressions.get(i).path("key").asText("");
      NameRules.qualifiedName(key).forEach(m -> errors.add(FieldError.invalid(at + ".key", key, m)));
      var operator = expressions.get(i).path("operator").asText("");
      var values = expressions.get(i).path("values");
      if ((operator.equals("In") || operator.equals("NotIn")) && values.isEmpty()) {
        errors.add(FieldError.required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
      } else if ((operator.equals("Exists") || operator.equals("DoesNotExist")) && !values.isEmpty()) {
        errors.add(FieldError.forbidden(at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
    }
  }

  /** Whether a label selector (matchLabels and matchExpressions) selects these labels. */
  static boolean matches(JsonNode selector, JsonNode labels) {
    for (var wanted : selector.path("matchLabels").properties()) {
      if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
        return false;
      }
    }
    for (var expression : selector.path("matchExpressions")) {
      var value = labels.get(expression.path("key").asText());
      boolean in = false;
      for (var v : expression.path("values")) {
        in |= v.equals(value);
      }
      boolean ok = switch (expression.path("operator").asText()) {
        case "In" -> in;
        case "NotIn" -> !in;
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A string map as Go's %#v prints it in a field error's value: map[string]string{"a":"b"}. */
  static String goMap(JsonNode map) {
    var sorted = new TreeMap<String, String>();
    map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    var text = new StringBuilder("map[string]string{");
    sorted.forEach((k, v) -> text.append(text.length() > 18 ? ", " : "").append('"').append(k).append("\":\"").append(v).append('"'));
    return text.append('}').toString();
  }
}
