package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pod status the {@link KubeletDouble} writes: readiness conditions, and a {@link PodTrouble} if any. */
final class KubeletPodStatus {

  private KubeletPodStatus() {}

  /** The status the kubelet (and the scheduler) would write; conditions replaced where they are, so an unchanged one compares equal. */
  static PodStatus next(PodStatus current, Pod pod, boolean ready, boolean containersReady, PodTrouble trouble) {
    var list = new ArrayList<PodCondition>(Optional.ofNullable(current.getConditions()).orElse(List.of()));
    set(list, new PodConditionBuilder().withType("ContainersReady").withStatus(containersReady && trouble == null ? "True" : "False").build());
    set(list, new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False").build());
    var unschedulable = Optional.ofNullable(trouble).flatMap(PodTrouble::schedulerMessage);
    list.removeIf(c -> c.getType().equals("PodScheduled") && unschedulable.isEmpty());
    unschedulable.ifPresent(message -> set(list, new PodConditionBuilder().withType("PodScheduled").withStatus("False")
        .withReason("Unschedulable").withMessage(message).build()));
    // Empty rather than null: a status read back from the API server has empty lists, and must compare equal.
    var statuses = trouble == null ? List.<ContainerStatus>of() : trouble.containerStatuses(pod);
    return new PodStatusBuilder(current).withPhase(unschedulable.isPresent() ? "Pending" : "Running")
        .withConditions(list).withContainerStatuses(statuses).build();
  }

  private static void set(List<PodCondition> conditions, PodCondition condition) {
    for (int i = 0; i < conditions.size(); i++) {
      if (conditions.get(i).getType().equals(condition.getType())) {
        conditions.set(i, condition);
        return;
      }
    }
    conditions.add(condition);
  }

}
