package dev.taskapp.operator.parity;

import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.Readiness;
import dev.taskapp.operator.core.Tier;
import dev.taskapp.operator.reconciler.DesiredObjects;
import dev.taskapp.operator.reconciler.TaskAppReconciler;
import dev.taskapp.operator.render.Manifests;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What Compose's depends_on becomes: read from the reconciler's @Workflow (which workload waits for
 * which, and whether the one waited for has a ready postcondition) and from the pod templates'
 * readiness gates.
 */
final class StartOrder {

  private static final List<Class<?>> WORKLOAD_TYPES = List.of(StatefulSet.class, Deployment.class);

  private final Map<String, Dependent> byName;
  /** Workflow dependent name → the tier whose workload it creates. */
  private final Map<String, Tier> workloads;

  StartOrder(RenderedTaskApp rendered, Defaults defaults) {
    var dependents = TaskAppReconciler.class.getAnnotation(Workflow.class).dependents();
    byName = Arrays.stream(dependents).collect(Collectors.toMap(Dependent::name, d -> d));
    var built = DesiredObjects.dependents(defaults, Manifests::placeholder);
    workloads = Arrays.stream(dependents)
        .flatMap(d -> built.stream().filter(b -> b.getClass() == d.type()).findFirst().stream()
            .filter(b -> WORKLOAD_TYPES.contains(((DependentResource<?, ?>) b).resourceType()))
            .map(b -> b.desired(rendered.app()))
            .map(o -> Map.entry(d.name(), tierOf(o.getMetadata().getLabels().get(Labels.COMPONENT)))))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Tier tierOf(String component) {
    return Arrays.stream(Tier.values()).filter(t -> t.component().equals(component)).findFirst().orElseThrow();
  }

  /** The workflow dependent that creates a tier's workload. */
  String dependentOf(Tier tier) {
    return workloads.entrySet().stream().filter(e -> e.getValue() == tier).map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** The tiers a tier's workload waits for, each "NAME (healthy)" when the wait is for readiness. */
  List<String> waitsFor(Tier tier) {
    return Arrays.stream(byName.get(dependentOf(tier)).dependsOn())
        .filter(workloads::containsKey)
        .map(name -> workloads.get(name).component()
            + (byName.get(name).readyPostcondition() != Condition.class ? " (healthy)" : " (started)"))
        .sorted().toList();
  }

  /** The ready postcondition of the dependent a tier waits for, for the report. */
  Optional<String> postconditionOf(Tier upstream) {
    var condition = byName.get(dependentOf(upstream)).readyPostcondition();
    return condition == Condition.class ? Optional.empty() : Optional.of(condition.getSimpleName());
  }

  static boolean gated(RenderedTaskApp rendered, Tier tier) {
    return Optional.ofNullable(rendered.template(tier).getSpec().getReadinessGates()).orElse(List.of()).stream()
        .anyMatch(g -> Readiness.GATE.equals(g.getConditionType()));
  }
}
