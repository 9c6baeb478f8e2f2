package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 JSON Patch, strict as the API server's library (evanphx/json-patch v4) applies it: the
 * operations run in order on a copy, and the first one that cannot apply (a {@code test} that fails,
 * a path that does not exist for remove, replace, test, move or copy, a missing parent for add, an
 * index out of range) fails the whole patch. fabric8's CRUD mode created missing parents instead.
 */
final class JsonPatch {

  /** Why a patch cannot apply, in evanphx/json-patch's words (the API server does not pass them on). */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  private JsonPatch() {}

  static JsonNode apply(JsonNode patch, JsonNode document) throws Failure {
    if (!patch.isArray()) {
      throw new Failure("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    }
    var result = document.deepCopy();
    for (var op : patch) {
      result = applyOne(op, result);
    }
    return result;
  }

  private static JsonNode applyOne(JsonNode op, JsonNode doc) throws Failure {
    var kind = op.path("op").asText();
    var path = op.path("path").asText(null);
    if (path == null) {
      throw new Failure("operation missing path field: missing value");
    }
    switch (kind) {
      case "add" -> { return add(doc, path, value(op)); }
      case "remove" -> { remove(doc, path, kind); return doc; }
      case "replace" -> {
        if (path.isEmpty()) {
          return value(op);
        }
        get(doc, path, kind);
        remove(doc, path, kind);
        return add(doc, path, value(op));
      }
      case "test" -> {
        var actual = path.isEmpty() ? doc : get(doc, path, kind);
        if (!actual.equals(value(op))) {
          throw new Failure("testing value " + path + " failed: test failed");
        }
        return doc;
      }
      case "move", "copy" -> {
        var from = op.path("from").asText(null);
        if (from == null) {
          throw new Failure("operation, missing from field: missing value");
        }
        var moved = get(doc, from, kind).deepCopy();
        if (kind.equals("move")) {
          remove(doc, from, kind);
        }
        return add(doc, path, moved);
      }
      default -> throw new Failure("Unexpected kind: " + kind);
    }
  }

  private static JsonNode value(JsonNode op) throws Failure {
    if (!op.has("value")) {
      throw new Failure("operation, missing value field: missing value");
    }
    return op.get("value").deepCopy();
  }

  private static JsonNode add(JsonNode doc, String path, JsonNode value) throws Failure {
    if (path.isEmpty()) {
      return value;
    }
    var parent = parent(doc, path, "add");
    var key = lastToken(path);
    if (parent instanceof ObjectNode object) {
      object.set(key, value);
    } else if (parent instanceof ArrayNode array) {
      if (key.equals("-")) {
        array.add(value);
      } else {
        int index = index(key, array.size());
        array.insert(index, value);
      }
    } else {
      throw new Failure("add operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    return doc;
  }

  private static void remove(JsonNode doc, String path, String op) throws Failure {
    var parent = parent(doc, path, op);
    var key = lastToken(path);
    if (parent instanceof ObjectNode object && object.has(key)) {
      object.remove(key);
    } else if (parent instanceof ArrayNode array) {
      array.remove(index(key, array.size() - 1));
    } else {
      throw new Failure(op + " operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
  }

  private static JsonNode get(JsonNode doc, String path, String op) throws Failure {
    var parent = parent(doc, path, op);
    var key = lastToken(path);
    JsonNode found = null;
    if (parent instanceof ObjectNode object) {
      found = object.get(key);
    } else if (parent instanceof ArrayNode array) {
      found = array.get(index(key, array.size() - 1));
    }
    if (found == null) {
      throw new Failure(op + " operation does not apply: doc is missing key: " + path + ": missing value");
    }
    return found;
  }

  /** The container the path's last token lives in; a missing one fails, as it does on the API server. */
  private static JsonNode parent(JsonNode doc, String path, String op) throws Failure {
    if (!path.startsWith("/")) {
      throw new Failure(op + " operation does not apply: doc is missing path: \"" + path + "\": missing value");
    }
    var tokens = path.substring(1).split("/", -1);
    var node = doc;
    for (int i = 0; i < tokens.length - 1; i++) {
      var token = unescape(tokens[i]);
      JsonNode next = null;
      if (node instanceof ObjectNode object) {
        next = object.get(token);
      } else if (node instanceof ArrayNode array && token.matches("\\d+") && Integer.parseInt(token) < array.size()) {
        next = array.get(Integer.parseInt(token));
      }
      if (next == null || !next.isContainerNode()) {
        throw new Failure(op + " operation does not apply: doc is missing path: \"" + path + "\": missing value");
      }
      node = next;
    }
    return node;
  }

  private static String lastToken(String path) {
    return unescape(path.substring(path.lastIndexOf('/') + 1));
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  private static int index(String key, int max) throws Failure {
    if (!key.matches("\\d+")) {
      throw new Failure("value was not a proper array index: '" + key + "'");
    }
    int index = Integer.parseInt(key);
    if (index > max) {
      throw new Failure("Unable to access invalid index: " + index + ": invalid index referenced");
    }
    return index;
  }
}
