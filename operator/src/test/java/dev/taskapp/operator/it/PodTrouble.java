package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the scheduler or the kubelet reports on a pod in trouble, as they write it: for the
 * {@link KubeletDouble} to put a workload's pods in that state, and for unit tests of PodFailures.
 *
 * @param reason the condition reason the operator is expected to report
 * @param schedulerMessage the scheduler's message when the pod cannot be placed (no container statuses then)
 * @param container the status of each container, from its name
 */
public record PodTrouble(String reason, Optional<String> schedulerMessage, Function<String, ContainerStatus> container) {

  public static final String IMAGE = "registry.example.com/team/backend:9.9";
  public static final String SCHEDULER_MESSAGE = "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available:"
      + " 3 No preemption victims found for incoming pod.";

  public static PodTrouble imagePullBackOff() {
    return waiting("ImagePullFailed", "ImagePullBackOff", "Back-off pulling image \"" + IMAGE + "\"");
  }

  public static PodTrouble errImagePull() {
    return waiting("ImagePullFailed", "ErrImagePull", "failed to pull and unpack image \"" + IMAGE + "\": not found");
  }

  /** Exited with this code, restarted 4 times, now backing off. */
  public static PodTrouble crashLoop(int exitCode) {
    return new PodTrouble("CrashLoopBackOff", Optional.empty(), name -> base(name, 4)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
        .withMessage("back-off 1m20s restarting failed container=" + name).endWaiting().endState()
        .withNewLastState().withNewTerminated().withExitCode(exitCode).withReason("Error").endTerminated().endLastState()
        .build());
  }

  /** Killed by the kernel over its memory limit, 3 times. */
  public static PodTrouble oomKilled() {
    return new PodTrouble("OOMKilled", Optional.empty(), name -> base(name, 3)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff").withMessage("back-off 40s").endWaiting().endState()
        .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled").endTerminated().endLastState()
        .build());
  }

  public static PodTrouble unschedulable() {
    return new PodTrouble("Unschedulable", Optional.of(SCHEDULER_MESSAGE), name -> null);
  }

  /** Running, never restarted, the readiness probe failing. */
  public static PodTrouble readinessProbeFailing() {
    return new PodTrouble("ReadinessProbeFailing", Optional.empty(), name -> base(name, 0)
        .withNewState().withNewRunning().withStartedAt("2026-01-01T10:00:00Z").endRunning().endState().build());
  }

  private static PodTrouble waiting(String expected, String reason, String message) {
    return new PodTrouble(expected, Optional.empty(), name -> base(name, 0)
        .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build());
  }

  private static ContainerStatusBuilder base(String name, int restarts) {
    return new ContainerStatusBuilder().withName(name).withReady(false).withStarted(false).withRestartCount(restarts)
        .withImage(IMAGE).withImageID("");
  }

  /** The container statuses of this pod in trouble; empty when it is not scheduled. */
  public List<ContainerStatus> containerStatuses(Pod pod) {
    return schedulerMessage.isPresent() ? List.of()
        : pod.getSpec().getContainers().stream().map(Container::getName).map(container).toList();
  }
}
