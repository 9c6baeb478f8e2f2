package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.taskapp.operator.core.ResourceNames;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One TaskApp: a database, a backend and a frontend, deployed and kept healthy together. */
@Group("taskapp.dev")
@Version("v1alpha1")
@Kind("TaskApp")
@Plural("taskapps")
@ShortNames("ta")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Database", jsonPath = ".status.database.ready", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Backend", jsonPath = ".status.backend.ready", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Frontend", jsonPath = ".status.frontend.ready", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.url", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
// On the whole resource, not on spec.database: a rule there is not checked when the old spec had no
// database block, and the data volume keeps the class it was made with (claim templates are immutable).
@ValidationRule(
    value = "(has(self.spec) && has(self.spec.database) && has(self.spec.database.storageClassName)) =="
        + " (has(oldSelf.spec) && has(oldSelf.spec.database) && has(oldSelf.spec.database.storageClassName))",
    message = "spec.database.storageClassName is immutable: it cannot be added or removed after creation")
// The name becomes part of every child's name (ResourceNames) and a label value (Labels); a name the
// children cannot carry would leave the stack half-made, so the CRD refuses it up front.
@ValidationRule(value = "self.metadata.name.size() <= " + ResourceNames.MAX_NAME_LENGTH, message = TaskApp.NAME_LENGTH_MESSAGE)
@ValidationRule(value = "self.metadata.name.matches('" + TaskApp.DNS_1035_LABEL + "')", message = TaskApp.NAME_FORM_MESSAGE)
public class TaskApp extends CustomResource<TaskAppSpec, TaskAppStatus> implements Namespaced {

  /** What a Service name may be: a letter first, then letters, digits and '-', not ending with '-'. */
  public static final String DNS_1035_LABEL = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

  public static final String NAME_LENGTH_MESSAGE = "metadata.name may have at most " + ResourceNames.MAX_NAME_LENGTH
      + " characters: the database StatefulSet is named NAME-db, and a StatefulSet's name may have at most "
      + ResourceNames.STATEFULSET_NAME_MAX + " characters (its pods' controller-revision-hash label adds 11 to it);"
      + " choose a shorter name";

  public static final String NAME_FORM_MESSAGE = "metadata.name must start with a lower-case letter and contain only"
      + " lower-case letters, digits and '-' (it names Services such as NAME-db, and Service names are DNS-1035"
      + " labels); e.g. tasks or tasks-2";

  @Override
  @JsonPropertyDescription("What to run: version, images, database, backend and frontend. Every field is optional; an empty spec gives a working stack.")
  public TaskAppSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("What the operator observed: conditions, ready pods per tier, URL. Written by the operator only.")
  public TaskAppStatus getStatus() {
    return super.getStatus();
  }

  @Override
  protected TaskAppSpec initSpec() {
    return new TaskAppSpec();
  }

  @Override
  protected TaskAppStatus initStatus() {
    return new TaskAppStatus();
  }
}
