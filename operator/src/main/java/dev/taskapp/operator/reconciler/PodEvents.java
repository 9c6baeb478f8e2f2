package dev.taskapp.operator.reconciler;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.gates.ReadinessGates;
import dev.taskapp.operator.status.PodFailures;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Objects;
import java.util.Set;

/**
 * The TaskApps' pods: a new backend or frontend pod of a rollout gets its gate set at once, a gate
 * someone else changed is put back, and a pod that starts or stops failing is reported. Other pod
 * changes (a probe passing, a restart that changes nothing we report) show in the workloads'
 * status or not at all, so they do not cost a reconciliation.
 */
final class PodEvents {

  private PodEvents() {}

  static InformerEventSource<Pod, TaskApp> source(EventSourceContext<TaskApp> context) {
    var pods = InformerEventSourceConfiguration.from(Pod.class, TaskApp.class)
        .withName(TaskAppReconciler.PODS)
        .withLabelSelector(Labels.MANAGED_SELECTOR)
        .withOnUpdateFilter((pod, old) -> !Objects.equals(ReadinessGates.gateOf(pod), ReadinessGates.gateOf(old))
            || !Objects.equals(PodFailures.of(pod), PodFailures.of(old)))
        .withSecondaryToPrimaryMapper(pod -> Set.of(new ResourceID(
            pod.getMetadata().getLabels().get(Labels.INSTANCE), pod.getMetadata().getNamespace())))
        .build();
    return new InformerEventSource<>(pods, context);
  }
}
