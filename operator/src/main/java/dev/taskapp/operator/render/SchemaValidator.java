package dev.taskapp.operator.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a TaskApp's spec against the structural schema of the committed CRD (k8s/crd, packaged in
 * the jar), so render accepts what the API server accepts and the rules are written once, in the
 * Java classes the CRD is generated from. Transition rules (CEL on oldSelf) need a stored object and
 * do not apply to a first render.
 */
final class SchemaValidator {

  static final String CRD_RESOURCE = "/crd/taskapps.taskapp.dev-v1.yml";

  private final JSONSchemaProps root;

  private SchemaValidator(JSONSchemaProps root) {
    this.root = root;
  }

  static SchemaValidator fromPackagedCrd() {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the CRD is missing from the jar: " + CRD_RESOURCE);
      }
      var crd = new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      return new SchemaValidator(crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema of a top-level field (spec, status), if the CRD declares it. */
  Optional<JSONSchemaProps> field(String name) {
    return Optional.ofNullable(root.getProperties()).map(p -> p.get(name));
  }

  /** @return the first violation as "path: problem (what the field is)", or empty when valid */
  Optional<String> violation(JsonNode node, JSONSchemaProps schema, String path) {
    var type = schema.getType();
    if ("object".equals(type)) {
      return objectViolation(node, schema, path);
    }
    if ("integer".equals(type)) {
      if (!node.isIntegralNumber()) {
        return fail(path, "expected an integer, got " + shown(node), schema);
      }
      return bounds(node.asDouble(), schema, path);
    }
    if ("number".equals(type)) {
      return node.isNumber() ? bounds(node.asDouble(), schema, path) : fail(path, "expected a number, got " + shown(node), schema);
    }
    if ("boolean".equals(type)) {
      return node.isBoolean() ? Optional.empty() : fail(path, "expected true or false, got " + shown(node), schema);
    }
    if ("string".equals(type)) {
      return stringViolation(node, schema, path);
    }
    return Optional.empty();
  }

  private Optional<String> objectViolation(JsonNode node, JSONSchemaProps schema, String path) {
    if (!node.isObject()) {
      return fail(path, "expected a mapping (key: value), got " + shown(node), schema);
    }
    if (schema.getMaxProperties() != null && node.size() > schema.getMaxProperties()) {
      return fail(path, "has " + node.size() + " entries, at most " + schema.getMaxProperties() + " allowed", schema);
    }
    for (var required : Optional.ofNullable(schema.getRequired()).orElse(java.util.List.of())) {
      if (!node.has(required)) {
        return fail(join(path, required), "is required", schema);
      }
    }
    Map<String, JSONSchemaProps> properties = Optional.ofNullable(schema.getProperties()).orElse(Map.of());
    var additional = schema.getAdditionalProperties() == null ? null : schema.getAdditionalProperties().getSchema();
    for (var entry : node.properties()) {
      var child = properties.get(entry.getKey());
      if (child == null) {
        child = additional;
      }
      if (child == null) {
        return Optional.of(join(path, entry.getKey()) + ": unknown field; known fields of " + path + ": "
            + String.join(", ", new TreeSet<>(properties.keySet())));
      }
      var violation = violation(entry.getValue(), child, join(path, entry.getKey()));
      if (violation.isPresent()) {
        return violation;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> stringViolation(JsonNode node, JSONSchemaProps schema, String path) {
    if (!node.isTextual()) {
      return fail(path, "expected a string, got " + shown(node) + " (quote it)", schema);
    }
    var value = node.asText();
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()
        && schema.getEnum().stream().noneMatch(e -> value.equals(e.asText()))) {
      return fail(path, shown(node) + " is not one of " + schema.getEnum().stream().map(JsonNode::asText).toList(), schema);
    }
    if (schema.getMinLength() != null && value.length() < schema.getMinLength()) {
      return fail(path, "must have at least " + schema.getMinLength() + " characters", schema);
    }
    if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
      return fail(path, "must have at most " + schema.getMaxLength() + " characters", schema);
    }
    if (schema.getPattern() != null && !Pattern.compile(schema.getPattern()).matcher(value).find()) {
      return fail(path, shown(node) + " does not match " + schema.getPattern(), schema);
    }
    return Optional.empty();
  }

  private static Optional<String> bounds(double value, JSONSchemaProps schema, String path) {
    if (schema.getMinimum() != null && value < schema.getMinimum()) {
      return fail(path, number(value) + " is below the minimum " + number(schema.getMinimum()), schema);
    }
    if (schema.getMaximum() != null && value > schema.getMaximum()) {
      return fail(path, number(value) + " is above the maximum " + number(schema.getMaximum()), schema);
    }
    return Optional.empty();
  }

  /** The problem, then the field's own description from the CRD, which says what a valid value looks like. */
  private static Optional<String> fail(String path, String problem, JSONSchemaProps schema) {
    var hint = schema.getDescription() == null ? "" : " (" + schema.getDescription() + ")";
    return Optional.of(path + ": " + problem + hint);
  }

  private static String shown(JsonNode node) {
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    return node.isContainerNode() ? (node.isArray() ? "a list" : "a mapping") : node.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String join(String path, String field) {
    return path + "." + field;
  }
}
