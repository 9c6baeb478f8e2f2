package dev.taskapp.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import dev.taskapp.operator.core.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workloads of one TaskApp as last seen (null where not created yet), whether its credentials
 * Secret is gone while the database volume still holds data, the children the cluster refused in
 * this reconciliation, why a storage increase cannot be made, if it cannot, the first failing pod of
 * each tier, and why the database image was not changed, if it was not (another PostgreSQL major).
 */
public record Observed(StatefulSet database, Deployment backend, Deployment frontend, boolean credentialsMissing,
    List<Refusal> refusals, Optional<String> storageNotExpandable, Map<Tier, PodFailure> podFailures,
    Optional<String> databaseImageRefused) {

  public Observed(StatefulSet database, Deployment backend, Deployment frontend, boolean credentialsMissing,
      List<Refusal> refusals, Optional<String> storageNotExpandable) {
    this(database, backend, frontend, credentialsMissing, refusals, storageNotExpandable, Map.of(), Optional.empty());
  }

  public Observed(StatefulSet database, Deployment backend, Deployment frontend, boolean credentialsMissing) {
    this(database, backend, frontend, credentialsMissing, List.of(), Optional.empty(), Map.of(), Optional.empty());
  }

  public Observed(StatefulSet database, Deployment backend, Deployment frontend) {
    this(database, backend, frontend, false);
  }
}
