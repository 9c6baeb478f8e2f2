package dev.taskapp.operator.backend;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Readiness;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The frontend is created only once a backend pod is available (Compose: service_healthy). */
public class BackendServingCondition implements Condition<Deployment, TaskApp> {

  @Override
  public boolean isMet(DependentResource<Deployment, TaskApp> dependent, TaskApp app, Context<TaskApp> context) {
    return dependent.getSecondaryResource(app, context).map(Readiness::serving).orElse(false);
  }
}
