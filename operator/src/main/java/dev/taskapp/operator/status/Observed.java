package dev.taskapp.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Optional;

/**
 * The workloads of one TaskApp as last seen (null where not created yet), whether its credentials
 * Secret is gone while the database volume still holds data, the children the cluster refused in
 * this reconciliation, and why a storage increase cannot be made, if it cannot.
 */
public record Observed(StatefulSet database, Deployment backend, Deployment frontend, boolean credentialsMissing,
    List<Refusal> refusals, Optional<String> storageNotExpandable) {

  public Observed(StatefulSet database, Deployment backend, Deployment frontend, boolean credentialsMissing) {
    this(database, backend, frontend, credentialsMissing, List.of(), Optional.empty());
  }

  public Observed(StatefulSet database, Deployment backend, Deployment frontend) {
    this(database, backend, frontend, false);
  }
}
