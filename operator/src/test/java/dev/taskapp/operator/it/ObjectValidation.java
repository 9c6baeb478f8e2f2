package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API server's validation of the built-in kinds the operator writes, answered as it answers: 422
 * Invalid, "Kind.group "name" is invalid: field: Invalid value: ...: why", one cause per field error.
 * An update is also held to what may not change ({@link UpdateRules}). A quantity outside the
 * grammar fails earlier, in decoding (400). Writes to a subresource (status)
 * are not validated here: the API server checks the status there, which no rule here covers.
 */
final class ObjectValidation {

  private interface Rules {
    void check(JsonNode object, List<FieldError> errors) throws Quantities.Unparseable;
  }

  private static final Map<String, Rules> BY_KIND = Map.of(
      "Pod", WorkloadRules::pod,
      "Deployment", WorkloadRules::deployment,
      "StatefulSet", WorkloadRules::statefulSet,
      "Service", NetworkRules::service,
      "NetworkPolicy", NetworkRules::networkPolicy,
      "Ingress", NetworkRules::ingress,
      "Secret", DataRules::secret,
      "PersistentVolumeClaim", DataRules::claim,
      "Event", (object, errors) -> {},
      "Namespace", (object, errors) -> {});

  private ObjectValidation() {}

  /**
   * @param object the whole object as it would be stored (after a patch is applied)
   * @param stored the object as stored before this write; null for a create
   */
  static Optional<MockResponse> refuse(ApiRequest request, JsonNode object, JsonNode stored) {
    var kind = object.path("kind").asText("");
    var rules = BY_KIND.get(kind);
    if (rules == null || request.subresource() != null || PatchSemantics.isCustomResource(request.group())) {
      return Optional.empty();
    }
    var errors = new ArrayList<FieldError>();
    try {
      MetadataRules.validate(kind, object, errors);
      rules.check(object, errors);
      if (stored != null) {
        UpdateRules.check(kind, object, stored, errors);
      }
    } catch (Quantities.Unparseable e) {
      return Optional.of(ApiErrors.badRequest(kind + " in version \"" + request.version() + "\" cannot be handled as a "
          + kind + ": " + e.getMessage()));
    }
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    var name = object.path("metadata").path("name").asText("");
    return Optional.of(ApiErrors.invalid(request.group(), kind, name, errors));
  }
}
