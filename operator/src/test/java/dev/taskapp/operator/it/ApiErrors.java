package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;

/** The Status objects the API server answers with, worded as k8s.io/apimachinery's api/errors words them. */
final class ApiErrors {

  private ApiErrors() {}

  /** errors.NewInvalid: 422, "Kind.group "name" is invalid: " and the field errors ("[a, b]" for more than one). */
  static MockResponse invalid(String group, String kind, String name, List<FieldError> errors) {
    var qualified = group.isEmpty() ? kind : kind + "." + group;
    var messages = errors.stream().map(FieldError::toString).distinct().toList();
    var aggregate = messages.size() == 1 ? messages.get(0) : "[" + String.join(", ", messages) + "]";
    var causes = errors.stream().map(e -> new StatusCause(e.field(), e.body(), e.type().reason)).toList();
    return StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
        .withMessage(qualified + " \"" + name + "\" is invalid: " + aggregate)
        .withNewDetails().withGroup(group).withKind(kind).withName(name).withCauses(causes).endDetails().build());
  }

  /**
   * errors.NewGenericServerResponse(422, ...): what a JSON Patch that cannot apply gets. The API
   * server drops the library's reason (a failing test, a missing path): the client sees only this.
   */
  static MockResponse patchNotApplicable() {
    return StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
        .withMessage("the server rejected our request due to an error in our request").withNewDetails().endDetails().build());
  }

  /** negotiation.NewUnsupportedMediaTypeError: 415 with the patch types the resource accepts. */
  static MockResponse unsupportedMediaType(List<String> accepted) {
    return StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(415).withReason("UnsupportedMediaType")
        .withMessage("the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", accepted)).build());
  }

  /** errors.NewBadRequest: 400 with the message as is. */
  static MockResponse badRequest(String message) {
    return StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(400).withReason("BadRequest")
        .withMessage(message).build());
  }

  /** errors.NewInternalError: 500, "Internal error occurred: ...". */
  static MockResponse internal(String message) {
    return StrictDispatcher.status(new StatusBuilder().withStatus("Failure").withCode(500).withReason("InternalError")
        .withMessage("Internal error occurred: " + message).withNewDetails().addNewCause().withMessage(message).endCause()
        .endDetails().build());
  }

  /** errors.NewConflict for a stale resourceVersion precondition. */
  static MockResponse conflict(String group, String resource, String name) {
    var qualified = group.isEmpty() ? resource : resource + "." + group;
    Status status = new StatusBuilder().withStatus("Failure").withCode(409).withReason("Conflict")
        .withMessage("Operation cannot be fulfilled on " + qualified + " \"" + name
            + "\": the object has been modified; please apply your changes to the latest version and try again")
        .withNewDetails().withGroup(group).withKind(resource).withName(name).endDetails().build();
    return StrictDispatcher.status(status);
  }
}
