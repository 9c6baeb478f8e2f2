package dev.taskapp.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The workloads of one TaskApp as last seen (null where not created yet), and whether its
 * credentials Secret is gone while the database volume still holds data.
 */
public record Observed(StatefulSet database, Deployment backend, Deployment frontend, boolean credentialsMissing) {

  public Observed(StatefulSet database, Deployment backend, Deployment frontend) {
    this(database, backend, frontend, false);
  }
}
