package dev.taskapp.operator.database;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Readiness;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The backend is created only once the database pod is Ready (Compose: service_healthy). */
public class DatabaseReadyCondition implements Condition<StatefulSet, TaskApp> {

  @Override
  public boolean isMet(DependentResource<StatefulSet, TaskApp> dependent, TaskApp app, Context<TaskApp> context) {
    return dependent.getSecondaryResource(app, context).map(Readiness::serving).orElse(false);
  }
}
