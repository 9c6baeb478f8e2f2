package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** Secrets and PersistentVolumeClaims (also a StatefulSet's claim templates). */
final class DataRules {

  private static final Set<String> ACCESS_MODES = Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");

  private DataRules() {}

  /** Each key of data (and of stringData, which the API server folds into data first) is a config key. */
  static void secret(JsonNode secret, List<FieldError> errors) {
    for (var map : List.of("data", "stringData")) {
      for (var entry : secret.path(map).properties()) {
        var key = entry.getKey();
        NameRules.configMapKey(key).forEach(m -> errors.add(FieldError.invalid("data[" + key + "]", key, m)));
      }
    }
    if (secret.path("type").asText("").equals("kubernetes.io/tls")) {
      for (var key : List.of("tls.crt", "tls.key")) {
        if (!secret.path("data").has(key) && !secret.path("stringData").has(key)) {
          errors.add(FieldError.required("data[" + key + "]", ""));
        }
      }
    }
  }

  static void claim(JsonNode claim, List<FieldError> errors) throws Quantities.Unparseable {
    claimSpec(claim.path("spec"), "spec", errors);
  }

  static void claimSpec(JsonNode spec, String at, List<FieldError> errors) throws Quantities.Unparseable {
    var modes = spec.path("accessModes");
    if (modes.isEmpty()) {
      errors.add(FieldError.required(at + ".accessModes", "at least 1 access mode is required"));
    }
    for (var mode : modes) {
      if (!ACCESS_MODES.contains(mode.asText())) {
        errors.add(new FieldError(FieldError.Type.NOT_SUPPORTED, at + ".accessModes", mode.asText(),
            "supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\""));
      }
    }
    ResourceRules.storage(spec, at, errors);
  }
}
