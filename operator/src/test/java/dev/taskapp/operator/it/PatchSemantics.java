package dev.taskapp.operator.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each patch type applied as the API server applies it, to the object as stored; the whole result
 * goes to the CRUD store as a PUT of the same path. What a PUT already does there is not repeated
 * here: on a {@code /status} path only the status of the result is kept, and on the main resource the
 * stored status is kept where the kind has a status subresource (fabric8's PutHandler).
 */
final class PatchSemantics {

  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  static final String APPLY_PATCH = "application/apply-patch+yaml";

  /** What the API server accepts for a custom resource, in its order (no strategic merge patch: no patch strategies in a CRD). */
  private static final List<String> CUSTOM_RESOURCE_TYPES = List.of(JSON_PATCH, MERGE_PATCH, APPLY_PATCH);
  /** And for a built-in kind. */
  private static final List<String> BUILT_IN_TYPES = List.of(JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH);

  /**
   * @param object the whole patched object, for the store; empty to let the CRUD dispatcher apply the patch itself
   * @param refusal the API server's answer when the patch cannot apply (409, 415, 422)
   */
  record Result(Optional<JsonNode> object, Optional<MockResponse> refusal) {
    static Result patched(JsonNode object) {
      return new Result(Optional.of(object), Optional.empty());
    }

    static Result refused(MockResponse refusal) {
      return new Result(Optional.empty(), Optional.of(refusal));
    }
  }

  private PatchSemantics() {}

  static Result apply(ApiRequest request, JsonNode stored) {
    var type = mediaType(request.contentType());
    boolean custom = isCustomResource(request.group());
    if (!(custom ? CUSTOM_RESOURCE_TYPES : BUILT_IN_TYPES).contains(type)) {
      return Result.refused(ApiErrors.unsupportedMediaType(custom ? CUSTOM_RESOURCE_TYPES : BUILT_IN_TYPES));
    }
    if (type.equals(APPLY_PATCH)) {
      return new Result(Optional.empty(), Optional.empty()); // server-side apply: not modelled (the operator does not use it)
    }
    JsonNode patch;
    try {
      patch = Serialization.jsonMapper().readTree(request.body());
    } catch (JsonProcessingException e) {
      return Result.refused(ApiErrors.badRequest("error decoding patch: " + e.getOriginalMessage()));
    }
    JsonNode patched;
    try {
      patched = switch (type) {
        case JSON_PATCH -> JsonPatch.apply(patch, stored);
        case MERGE_PATCH -> MergePatch.apply(stored, patch);
        default -> StrategicMergePatch.apply(stored.path("kind").asText(), stored, patch);
      };
    } catch (JsonPatch.Failure e) {
      return Result.refused(ApiErrors.patchNotApplicable());
    } catch (StrategicMergePatch.Failure e) {
      return Result.refused(ApiErrors.internal(e.getMessage()));
    }
    if (request.subresource() == null && CORE_KINDS_WITH_STATUS.contains(stored.path("kind").asText())
        && patched instanceof ObjectNode object) {
      keepStatus(object, stored);
    }
    return precondition(request, stored, patched);
  }

  /**
   * Core kinds whose status a write of the main resource leaves alone on a real server. The store
   * does this itself for the groups MockCluster registers a status subresource for, but not for the
   * core group: fabric8's path extractor gives /api/v1 paths no group, so the "pods" registration
   * never matches. Kept here for patches; a PUT of a pod still replaces its status (reported).
   */
  private static final Set<String> CORE_KINDS_WITH_STATUS = Set.of("Pod", "Service", "PersistentVolumeClaim", "Namespace");

  private static void keepStatus(ObjectNode patched, JsonNode stored) {
    if (stored.has("status")) {
      patched.set("status", stored.get("status").deepCopy());
    } else {
      patched.remove("status");
    }
  }

  /**
   * A resourceVersion the patch sets is a precondition: stale, the patch fails with 409. Checked here
   * because the store's PUT of a status path compares the stored version with itself.
   */
  private static Result precondition(ApiRequest request, JsonNode stored, JsonNode patched) {
    var sent = patched.path("metadata").path("resourceVersion").asText("");
    var current = stored.path("metadata").path("resourceVersion").asText("");
    if (!sent.isEmpty() && !sent.equals(current)) {
      return Result.refused(ApiErrors.conflict(request.group(), request.resource(), request.name()));
    }
    return Result.patched(patched);
  }

  /** Custom resources are those of the CRDs the project installs (group taskapp.dev), not the built-in groups MockCluster also registers as CRDs. */
  static boolean isCustomResource(String group) {
    return !(group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io"));
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
  }
}
