package dev.taskapp.operator.core;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;

/** When a tier counts as ready; one definition for the workflow, the readiness gates and the status. */
public final class Readiness {

  /** The pod condition the operator sets on backend and frontend pods. */
  public static final String GATE = "taskapp.dev/dependencies-ready";

  private Readiness() {}

  public static int readyReplicas(StatefulSet db) {
    return Optional.ofNullable(db.getStatus()).map(s -> s.getReadyReplicas()).orElse(0);
  }

  /** The database serves when its one pod is Ready. */
  public static boolean serving(StatefulSet db) {
    return db != null && readyReplicas(db) >= 1;
  }

  public static int availableReplicas(Deployment deployment) {
    return Optional.ofNullable(deployment.getStatus()).map(s -> s.getAvailableReplicas()).orElse(0);
  }

  public static int updatedReplicas(Deployment deployment) {
    return Optional.ofNullable(deployment.getStatus()).map(s -> s.getUpdatedReplicas()).orElse(0);
  }

  public static int replicas(Deployment deployment) {
    return Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
  }

  /** A tier serves (the tier above may start and its gates are True) while one pod is available. */
  public static boolean serving(Deployment deployment) {
    return deployment != null && availableReplicas(deployment) >= 1;
  }

  /** The Deployment controller has seen the current spec and every pod runs it. */
  public static boolean rolledOut(Deployment deployment) {
    var status = deployment.getStatus();
    Long observed = status == null ? null : status.getObservedGeneration();
    Long generation = deployment.getMetadata().getGeneration();
    boolean seen = generation == null || (observed != null && observed >= generation);
    return seen && updatedReplicas(deployment) >= replicas(deployment);
  }
}
