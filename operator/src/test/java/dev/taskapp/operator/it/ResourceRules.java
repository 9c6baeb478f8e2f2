package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Compute resources (ValidateResourceRequirements): each quantity parses and is not negative, and a
 * request is no more than the limit of the same resource. Quantities are shown as sent; the API
 * server shows them in canonical form ("1000m" as "1"), the same for the usual ways of writing them.
 */
final class ResourceRules {

  private ResourceRules() {}

  static void requirements(JsonNode resources, String at, List<FieldError> errors) throws Quantities.Unparseable {
    var limits = resources.path("limits");
    var requests = resources.path("requests");
    nonNegative(limits, at + ".limits", errors);
    nonNegative(requests, at + ".requests", errors);
    for (var request : requests.properties()) {
      var limit = limits.get(request.getKey());
      if (limit != null && Quantities.parse(request.getValue().asText()).compareTo(Quantities.parse(limit.asText())) > 0) {
        errors.add(FieldError.invalid(at + ".requests", request.getValue().asText(),
            "must be less than or equal to " + request.getKey() + " limit of " + limit.asText()));
      }
    }
  }

  private static void nonNegative(JsonNode quantities, String at, List<FieldError> errors) throws Quantities.Unparseable {
    for (var quantity : quantities.properties()) {
      var text = quantity.getValue().asText();
      if (Quantities.parse(text).signum() < 0) {
        errors.add(FieldError.invalid(at + "[" + quantity.getKey() + "]", text, "must be greater than or equal to 0"));
      }
    }
  }

  /** A PersistentVolumeClaim's storage request: required and greater than zero. */
  static void storage(JsonNode spec, String at, List<FieldError> errors) throws Quantities.Unparseable {
    var field = at + ".resources[storage]";
    var storage = spec.path("resources").path("requests").get("storage");
    if (storage == null) {
      errors.add(FieldError.required(field, ""));
    } else if (Quantities.parse(storage.asText()).compareTo(BigDecimal.ZERO) <= 0) {
      errors.add(FieldError.invalid(field, storage.asText(), "must be greater than zero"));
    }
  }
}
