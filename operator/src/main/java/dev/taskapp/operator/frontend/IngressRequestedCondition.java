package dev.taskapp.operator.frontend;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The Ingress exists only while spec.frontend.ingress asks for it (removing it deletes the Ingress). */
public class IngressRequestedCondition implements Condition<Ingress, TaskApp> {

  @Override
  public boolean isMet(DependentResource<Ingress, TaskApp> dependent, TaskApp app, Context<TaskApp> context) {
    return new EffectiveSpec(app, Defaults.builtIn()).ingress().isPresent();
  }
}
