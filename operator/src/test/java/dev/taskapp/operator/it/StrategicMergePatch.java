package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Objects;

/**
 * Strategic merge patch of a built-in kind, as k8s.io/apimachinery's strategicpatch applies it:
 * maps merge and {@code null} deletes, as in a JSON merge patch; a list with a patch merge key
 * ({@link PatchStrategies}) merges element by element on that key (a new element is appended, the
 * original order kept), a merged list of primitives is a set union, any other list is replaced.
 * Directives: {@code $patch: replace} (a map or a merged list replaced whole), {@code $patch: delete}
 * (a map, or a list element by its key), {@code $deleteFromPrimitiveList/<field>} and
 * {@code $retainKeys}; {@code $setElementOrder/<field>} is accepted and ignored (order only).
 */
final class StrategicMergePatch {

  /** What the API server answers a patch it cannot read (a merged element without its key: 500 there). */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  private static final String DIRECTIVE = "$patch";
  private static final String DELETE_FROM = "$deleteFromPrimitiveList/";
  private static final String ELEMENT_ORDER = "$setElementOrder/";
  private static final String RETAIN_KEYS = "$retainKeys";

  private final String kind;

  private StrategicMergePatch(String kind) {
    this.kind = kind;
  }

  static JsonNode apply(String kind, JsonNode original, JsonNode patch) throws Failure {
    if (!patch.isObject()) {
      throw new Failure("unable to find api field in struct for the patch: the patch is not a JSON object");
    }
    var merged = new StrategicMergePatch(kind).mergeMap(original, (ObjectNode) patch, "");
    return merged == null ? JsonNodeFactory.instance.objectNode() : merged;
  }

  /** @return the merged map, or null when the patch deletes it */
  private ObjectNode mergeMap(JsonNode original, ObjectNode patch, String path) throws Failure {
    var directive = patch.path(DIRECTIVE).asText(null);
    if ("delete".equals(directive)) {
      return null;
    }
    if ("replace".equals(directive)) {
      var replaced = patch.deepCopy();
      replaced.remove(DIRECTIVE);
      return strip(replaced);
    }
    ObjectNode result = original != null && original.isObject() ? original.deepCopy() : JsonNodeFactory.instance.objectNode();
    for (var field : patch.properties()) {
      var name = field.getKey();
      var value = field.getValue();
      if (name.startsWith(DELETE_FROM)) {
        deleteFromPrimitiveList(result, name.substring(DELETE_FROM.length()), value);
      } else if (name.startsWith(ELEMENT_ORDER) || name.equals(DIRECTIVE)) {
        continue;
      } else if (name.equals(RETAIN_KEYS)) {
        continue; // applied below, once the fields are merged
      } else if (value.isNull()) {
        result.remove(name);
      } else {
        var child = path.isEmpty() ? name : path + "." + name;
        var merged = mergeValue(result.get(name), value, child);
        if (merged == null) {
          result.remove(name);
        } else {
          result.set(name, merged);
        }
      }
    }
    if (patch.has(RETAIN_KEYS)) {
      var retain = new HashSet<String>();
      patch.get(RETAIN_KEYS).forEach(k -> retain.add(k.asText()));
      result.properties().removeIf(e -> !retain.contains(e.getKey()) && !patch.has(e.getKey()));
    }
    return result;
  }

  private JsonNode mergeValue(JsonNode original, JsonNode patch, String path) throws Failure {
    if (patch instanceof ObjectNode map) {
      return mergeMap(original, map, path);
    }
    if (patch instanceof ArrayNode list) {
      var key = PatchStrategies.mergeKey(kind, path);
      if (key.isEmpty()) {
        return strip(list.deepCopy()); // no patch strategy: the list is replaced
      }
      var originalList = original instanceof ArrayNode a ? a : JsonNodeFactory.instance.arrayNode();
      return key.get().equals(PatchStrategies.PRIMITIVES) ? union(originalList, list)
          : mergeList(originalList, list, key.get(), path);
    }
    return patch.deepCopy();
  }

  private ArrayNode mergeList(ArrayNode original, ArrayNode patch, String key, String path) throws Failure {
    for (var element : patch) {
      if ("replace".equals(element.path(DIRECTIVE).asText(null))) {
        var replaced = JsonNodeFactory.instance.arrayNode();
        for (var e : patch) {
          if (!e.has(DIRECTIVE)) {
            replaced.add(strip(e.deepCopy()));
          }
        }
        return replaced;
      }
    }
    var result = original.deepCopy();
    for (var element : patch) {
      if (!element.isObject() || !element.has(key)) {
        throw new Failure("map: " + element + " does not contain declared merge key: " + key);
      }
      var keyValue = element.get(key);
      int at = indexOf(result, key, keyValue);
      if ("delete".equals(element.path(DIRECTIVE).asText(null))) {
        while ((at = indexOf(result, key, keyValue)) >= 0) {
          result.remove(at);
        }
      } else if (at >= 0) {
        result.set(at, mergeMap(result.get(at), (ObjectNode) element, path));
      } else {
        result.add(mergeMap(null, (ObjectNode) element, path));
      }
    }
    return result;
  }

  private static int indexOf(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      if (Objects.equals(list.get(i).get(key), value)) {
        return i;
      }
    }
    return -1;
  }

  private static ArrayNode union(ArrayNode original, ArrayNode patch) {
    var result = original.deepCopy();
    for (var value : patch) {
      boolean present = false;
      for (var existing : result) {
        present |= existing.equals(value);
      }
      if (!present) {
        result.add(value.deepCopy());
      }
    }
    return result;
  }

  private static void deleteFromPrimitiveList(ObjectNode result, String field, JsonNode values) {
    if (result.get(field) instanceof ArrayNode list) {
      var kept = JsonNodeFactory.instance.arrayNode();
      for (var value : list) {
        boolean deleted = false;
        for (var d : values) {
          deleted |= d.equals(value);
        }
        if (!deleted) {
          kept.add(value);
        }
      }
      result.set(field, kept);
    }
  }

  /** A value set whole keeps no directive and no null (a new field set to null is simply absent). */
  private static <T extends JsonNode> T strip(T node) {
    if (node instanceof ObjectNode map) {
      map.properties().removeIf(e -> e.getKey().startsWith("$") || e.getValue().isNull());
      map.forEach(StrategicMergePatch::strip);
    } else if (node instanceof ArrayNode list) {
      list.forEach(StrategicMergePatch::strip);
    }
    return node;
  }
}
