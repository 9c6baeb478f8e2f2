package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A core/v1 Event as the API server validates it (legacyValidateEvent): the involved object's
 * namespace is the event's own; an event with an eventTime (the new style) also names who reports
 * it and what was done, each at most 128 characters, and its message at most 1024.
 */
final class EventRules {

  private static final int FIELD_LIMIT = 128;
  private static final int NOTE_LIMIT = 1024;

  private EventRules() {}

  static void event(JsonNode event, List<FieldError> errors) {
    var namespace = event.path("metadata").path("namespace").asText("");
    var involved = event.path("involvedObject").path("namespace").asText("");
    boolean newStyle = !event.path("eventTime").asText("").isEmpty();
    if (!newStyle) {
      boolean matches = involved.isEmpty() ? namespace.isEmpty() || namespace.equals("default") : involved.equals(namespace);
      if (!matches) {
        errors.add(FieldError.invalid("involvedObject.namespace", involved, "does not match event.namespace"));
      }
      return;
    }
    if (involved.isEmpty() && !namespace.equals("default") && !namespace.equals("kube-system")) {
      errors.add(FieldError.invalid("involvedObject.namespace", involved, "does not match event.namespace"));
    }
    var reporter = event.path("reportingComponent").asText("");
    if (reporter.isEmpty()) {
      errors.add(FieldError.required("reportingComponent", ""));
    } else {
      NameRules.qualifiedName(reporter).forEach(m -> errors.add(FieldError.invalid("reportingComponent", reporter, m)));
    }
    required(event, "reportingInstance", FIELD_LIMIT, errors);
    required(event, "action", FIELD_LIMIT, errors);
    required(event, "reason", FIELD_LIMIT, errors);
    var message = event.path("message").asText("");
    if (message.length() > NOTE_LIMIT) {
      errors.add(FieldError.invalid("message", message, "can have at most " + NOTE_LIMIT + " characters"));
    }
  }

  private static void required(JsonNode event, String field, int limit, List<FieldError> errors) {
    var value = event.path(field).asText("");
    if (value.isEmpty()) {
      errors.add(FieldError.required(field, ""));
    } else if (value.length() > limit) {
      errors.add(FieldError.invalid(field, value, "can have at most " + limit + " characters"));
    }
  }
}
