package dev.taskapp.operator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.taskapp.operator.api.TaskApp;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one TaskApp from YAML text and checks it as the API server would (apiVersion, kind, name,
 * the CRD's schema, then its CEL rules: {@link CrdRules}), binding it with the fabric8 serialization
 * the running operator uses.
 */
public final class TaskAppFile {

  static final String API_VERSION = HasMetadata.getApiVersion(TaskApp.class);
  static final String KIND = HasMetadata.getKind(TaskApp.class);
  /**
   * What the API server asks of any custom resource's name, a DNS-1123 subdomain; the CRD's rules
   * ({@link CrdRules}) narrow it to what the children's names can carry.
   */
  private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final int NAME_MAX = 253;
  private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec", "status");

  public static final String DEFAULT_NAMESPACE = "default";
  /** The owner uid in rendered owner references, until the API server assigns the real one. */
  public static final String UID_PLACEHOLDER = "<uid of the TaskApp>";

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final SchemaValidator SCHEMA = SchemaValidator.fromPackagedCrd();

  private TaskAppFile() {}

  /**
   * @param source how the user named the input (a file name, or "stdin"), for the error message
   * @throws InvalidTaskAppException with one line: source, field path, what is wrong, how to fix
   */
  public static TaskApp parse(String text, String source) throws InvalidTaskAppException {
    var node = singleDocument(text, source);
    check(node, source);
    try {
      var app = new KubernetesSerialization().convertValue(node, TaskApp.class);
      var broken = CrdRules.violation(app);
      if (broken.isPresent()) {
        throw new InvalidTaskAppException(source + ": " + broken.get());
      }
      if (app.getMetadata().getNamespace() == null) {
        app.getMetadata().setNamespace(DEFAULT_NAMESPACE); // as kubectl does without a context namespace
      }
      if (app.getMetadata().getUid() == null) {
        // The API server assigns it on create; owner references name it.
        app.getMetadata().setUid(UID_PLACEHOLDER);
      }
      return app;
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskAppException(source + ": not a TaskApp: " + firstLine(e.getMessage()));
    }
  }

  private static JsonNode singleDocument(String text, String source) throws InvalidTaskAppException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        var document = it.nextValue();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      var where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidTaskAppException(source + ": not valid YAML" + where + ": " + firstLine(e.getOriginalMessage())
          + " (check the indentation and quoting there)");
    } catch (IOException e) {
      throw new InvalidTaskAppException(source + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      // SnakeYAML reports some syntax errors unchecked
      throw new InvalidTaskAppException(source + ": not valid YAML: " + firstLine(e.getMessage()) + " (check the indentation and quoting)");
    }
    if (documents.size() != 1) {
      throw new InvalidTaskAppException(source + ": expected one TaskApp document, found " + documents.size()
          + " (render one TaskApp at a time)");
    }
    return documents.getFirst();
  }

  private static void check(JsonNode node, String source) throws InvalidTaskAppException {
    if (!node.isObject()) {
      throw new InvalidTaskAppException(source + ": expected a TaskApp (a mapping with apiVersion, kind, metadata, spec), got "
          + node.getNodeType().toString().toLowerCase());
    }
    var apiVersion = node.path("apiVersion").asText("");
    var kind = node.path("kind").asText("");
    if (!KIND.equals(kind) || !API_VERSION.equals(apiVersion)) {
      throw new InvalidTaskAppException(source + ": apiVersion/kind is \"" + apiVersion + "\"/\"" + kind
          + "\", expected " + API_VERSION + "/" + KIND + " (set apiVersion: " + API_VERSION + " and kind: " + KIND + ")");
    }
    for (var entry : node.properties()) {
      var field = entry.getKey();
      if (!TOP_LEVEL.contains(field)) {
        throw new InvalidTaskAppException(source + ": " + field + ": unknown field; a TaskApp has apiVersion, kind, metadata, spec");
      }
    }
    var name = node.path("metadata").path("name");
    if (!name.isTextual() || name.asText().length() > NAME_MAX || !NAME.matcher(name.asText()).matches()) {
      throw new InvalidTaskAppException(source + ": metadata.name: " + (name.isMissingNode() ? "is required" : name + " is not valid")
          + " (lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. tasks)");
    }
    var spec = node.path("spec");
    if (!spec.isMissingNode() && !spec.isNull()) {
      var violation = SCHEMA.violation(spec, SCHEMA.field("spec").orElseThrow(), "spec");
      if (violation.isPresent()) {
        throw new InvalidTaskAppException(source + ": " + violation.get());
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    var line = message.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
