package dev.taskapp.operator.faults;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API server checks when a TaskApp is created or updated, from the CRD in k8s/crd alone:
 * structural defaulting, the OpenAPI schema (with a JSON-schema library) and the CEL rules
 * (x-kubernetes-validations, with cel-java and Kubernetes' quantity() library bound to fabric8's Quantity).
 *
 * <p>Unknown fields: an API server prunes fields the structural schema does not declare, unless the
 * client asks for strict field validation — which kubectl does by default since 1.27, turning them into
 * errors. So every declared object that does not set x-kubernetes-preserve-unknown-fields gets
 * additionalProperties: false here, i.e. what `kubectl apply` reports.
 */
final class TaskAppCrdRules {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final CelType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  private static final CelCompiler CEL = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS) // has(), all(), exists(), as Kubernetes has them
      .addVar("self", SimpleType.DYN)
      .addVar("oldSelf", SimpleType.DYN)
      .addFunctionDeclarations(
          CelFunctionDecl.newFunctionDeclaration("quantity", CelOverloadDecl.newGlobalOverload("quantity_string", QUANTITY, SimpleType.STRING)),
          CelFunctionDecl.newFunctionDeclaration("isLessThan", CelOverloadDecl.newMemberOverload("quantity_isLessThan", SimpleType.BOOL, QUANTITY, QUANTITY)),
          CelFunctionDecl.newFunctionDeclaration("isGreaterThan", CelOverloadDecl.newMemberOverload("quantity_isGreaterThan", SimpleType.BOOL, QUANTITY, QUANTITY)),
          CelFunctionDecl.newFunctionDeclaration("compareTo", CelOverloadDecl.newMemberOverload("quantity_compareTo", SimpleType.INT, QUANTITY, QUANTITY)))
      .build();
  private static final CelRuntime CEL_RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .addFunctionBindings(
          CelFunctionBinding.from("quantity_string", String.class, TaskAppCrdRules::quantity),
          CelFunctionBinding.from("quantity_isLessThan", Quantity.class, Quantity.class, (a, b) -> amount(a).compareTo(amount(b)) < 0),
          CelFunctionBinding.from("quantity_isGreaterThan", Quantity.class, Quantity.class, (a, b) -> amount(a).compareTo(amount(b)) > 0),
          CelFunctionBinding.from("quantity_compareTo", Quantity.class, Quantity.class, (a, b) -> (long) amount(a).compareTo(amount(b))))
      .build();

  private final Map<String, Object> openApi;
  private final Schema schema;
  private int rulesEvaluated;

  @SuppressWarnings("unchecked")
  TaskAppCrdRules(Path crd) throws Exception {
    Map<String, Object> yaml = JSON.unmarshal(Files.readString(crd), Map.class);
    var version = ((List<Map<String, Object>>) ((Map<String, Object>) yaml.get("spec")).get("versions")).getFirst();
    openApi = (Map<String, Object>) ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
    var jsonSchema = (Map<String, Object>) strict(openApi);
    var root = (Map<String, Object>) jsonSchema.get("properties");
    root.put("apiVersion", Map.of("type", "string"));
    root.put("kind", Map.of("type", "string"));
    root.put("metadata", Map.of("type", "object"));
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(JSON.asJson(jsonSchema), InputFormat.JSON);
  }

  /** The errors of a create, as "path: message"; empty when the API server would accept it. */
  List<String> create(Map<String, Object> taskApp) {
    var object = defaulted(taskApp, openApi);
    var errors = schemaErrors(object);
    validations("", openApi, object, null, errors);
    return errors;
  }

  /** The errors of an update from {@code old} (as stored, defaulted) to {@code taskApp}. */
  List<String> update(Map<String, Object> old, Map<String, Object> taskApp) {
    var object = defaulted(taskApp, openApi);
    var errors = schemaErrors(object);
    validations("", openApi, object, defaulted(old, openApi), errors);
    return errors;
  }

  /** How many CEL rules were evaluated so far (a transition rule only runs when the old value exists). */
  int rulesEvaluated() {
    return rulesEvaluated;
  }

  private List<String> schemaErrors(Object object) {
    return new ArrayList<>(schema.validate(JSON.asJson(object), InputFormat.JSON).stream().map(Error::toString).toList());
  }

  /** The CRD schema as JSON Schema: x-kubernetes-* removed, unknown fields rejected (strict field validation). */
  @SuppressWarnings("unchecked")
  private static Object strict(Object node) {
    if (!(node instanceof Map<?, ?> map)) {
      return node;
    }
    var copy = new LinkedHashMap<String, Object>();
    ((Map<String, Object>) map).forEach((key, value) -> {
      if (!key.startsWith("x-kubernetes-")) {
        copy.put(key, switch (key) {
          case "properties" -> {
            var properties = new LinkedHashMap<String, Object>();
            ((Map<String, Object>) value).forEach((name, child) -> properties.put(name, strict(child)));
            yield properties;
          }
          case "items", "additionalProperties" -> strict(value);
          default -> value;
        });
      }
    });
    if ("object".equals(map.get("type")) && map.containsKey("properties") && !map.containsKey("additionalProperties")
        && !Boolean.TRUE.equals(map.get("x-kubernetes-preserve-unknown-fields"))) {
      copy.put("additionalProperties", false);
    }
    return copy;
  }

  /** Structural defaulting: a missing property with a default gets it, inside objects that are present. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> defaulted(Map<String, Object> object, Map<String, Object> schema) {
    var copy = new LinkedHashMap<>(object);
    var properties = (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
    properties.forEach((name, child) -> {
      if (!copy.containsKey(name) && child.containsKey("default")) {
        copy.put(name, child.get("default"));
      }
      if (copy.get(name) instanceof Map<?, ?> value) {
        copy.put(name, defaulted((Map<String, Object>) value, child));
      }
    });
    return copy;
  }

  /** Evaluates each x-kubernetes-validations rule where its value exists; rules with oldSelf only on update. */
  @SuppressWarnings("unchecked")
  private void validations(String path, Map<String, Object> schema, Object value, Object old, List<String> errors) {
    if (value == null) {
      return;
    }
    for (var rule : (List<Map<String, Object>>) schema.getOrDefault("x-kubernetes-validations", List.of())) {
      var expression = (String) rule.get("rule");
      boolean transition = expression.contains("oldSelf");
      if (transition && old == null) {
        continue;
      }
      rulesEvaluated++;
      if (!Boolean.TRUE.equals(evaluate(expression, value, old))) {
        errors.add(path + ": " + rule.getOrDefault("message", "failed rule: " + expression));
      }
    }
    var properties = (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
    if (value instanceof Map<?, ?> map) {
      properties.forEach((name, child) -> validations(path + "." + name, child, map.get(name),
          old instanceof Map<?, ?> oldMap ? oldMap.get(name) : null, errors));
    }
  }

  private static Object evaluate(String expression, Object self, Object oldSelf) {
    try {
      var program = CEL_RUNTIME.createProgram(CEL.compile(expression).getAst());
      var variables = new LinkedHashMap<String, Object>();
      variables.put("self", cel(self));
      if (oldSelf != null) {
        variables.put("oldSelf", cel(oldSelf));
      }
      return program.eval(variables);
    } catch (Exception e) {
      throw new IllegalStateException("CEL rule " + expression + " failed to evaluate", e);
    }
  }

  /** CEL's integers are 64-bit: JSON numbers become longs. */
  @SuppressWarnings("unchecked")
  private static Object cel(Object value) {
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, cel(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(TaskAppCrdRules::cel).toList();
    }
    return value instanceof Integer i ? Long.valueOf(i) : value;
  }

  private static Quantity quantity(String text) {
    var quantity = new Quantity(text);
    amount(quantity); // fails on what Kubernetes' quantity() would not parse
    return quantity;
  }

  private static BigDecimal amount(Quantity quantity) {
    return quantity.getNumericalAmount();
  }
}
