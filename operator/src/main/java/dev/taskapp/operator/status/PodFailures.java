package dev.taskapp.operator.status;

import static dev.taskapp.operator.status.ConditionTypes.*;

import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads why pods fail from what the scheduler and the kubelet wrote in their status: unschedulable,
 * an image that cannot be pulled, a crash loop (with the last exit code), OOMKilled, a container that
 * cannot be created, a readiness probe failing. A pod only waiting for its readiness gate, or still
 * starting, has no failure.
 */
public final class PodFailures {

  private static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
  /** Waiting reasons of a container that is simply on its way. */
  private static final Set<String> STARTING = Set.of("ContainerCreating", "PodInitializing");
  /** Long kubelet messages (an image pull's) are cut: a condition is read in one glance. */
  private static final int MAX_QUOTE = 300;

  private PodFailures() {}

  /** The first failing pod of each tier, by pod name, so the answer is stable between reconciliations. */
  public static Map<Tier, PodFailure> byTier(Collection<Pod> pods) {
    var failures = new EnumMap<Tier, PodFailure>(Tier.class);
    pods.stream().sorted(Comparator.comparing(p -> p.getMetadata().getName())).forEach(pod -> {
      var tier = tier(pod);
      if (tier.isPresent() && !failures.containsKey(tier.get())) {
        of(pod).ifPresent(failure -> failures.put(tier.get(), failure));
      }
    });
    return failures;
  }

  public static Optional<PodFailure> of(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
      return Optional.empty();
    }
    var name = pod.getMetadata().getName();
    var status = pod.getStatus();
    var unscheduled = condition(status, "PodScheduled")
        .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
    if (unscheduled.isPresent()) {
      return Optional.of(new PodFailure(name, REASON_UNSCHEDULABLE, "cannot be scheduled: " + quote(unscheduled.get().getMessage())));
    }
    return Optional.ofNullable(status.getContainerStatuses()).orElse(List.of()).stream()
        .map(container -> container(name, container, limit(pod, container.getName())))
        .flatMap(Optional::stream).findFirst();
  }

  private static Optional<PodFailure> container(String pod, ContainerStatus container, String memoryLimit) {
    var state = Optional.ofNullable(container.getState()).orElseGet(ContainerState::new);
    var last = Optional.ofNullable(container.getLastState()).map(ContainerState::getTerminated);
    var name = "container " + container.getName();
    int restarts = Optional.ofNullable(container.getRestartCount()).orElse(0);
    if (state.getWaiting() != null && !STARTING.contains(state.getWaiting().getReason())) {
      var waiting = state.getWaiting();
      if (IMAGE_PULL.contains(waiting.getReason())) {
        return Optional.of(new PodFailure(pod, REASON_IMAGE_PULL_FAILED,
            name + " cannot pull its image (" + waiting.getReason() + ": " + quote(waiting.getMessage()) + ")"));
      }
      if ("CrashLoopBackOff".equals(waiting.getReason())) {
        return Optional.of(crashed(pod, name, last.orElse(null), restarts, memoryLimit, ""));
      }
      return Optional.of(new PodFailure(pod, REASON_CONTAINER_CANNOT_START,
          name + " cannot start (" + waiting.getReason() + ": " + quote(waiting.getMessage()) + ")"));
    }
    if (state.getTerminated() != null) {
      return Optional.of(crashed(pod, name, state.getTerminated(), restarts, memoryLimit, ""));
    }
    if (state.getRunning() != null && !Boolean.TRUE.equals(container.getReady())) {
      // Running again after a crash: the crash is still the news, and the reason stays the same through the loop.
      var crash = last.filter(t -> t.getExitCode() == null || t.getExitCode() != 0 || "OOMKilled".equals(t.getReason()));
      return Optional.of(crash.isPresent()
          ? crashed(pod, name, crash.get(), restarts, memoryLimit, "; running again, not ready yet")
          : new PodFailure(pod, REASON_READINESS_PROBE_FAILING, name + " is running, readiness probe failing"));
    }
    return Optional.empty();
  }

  private static PodFailure crashed(String pod, String name, ContainerStateTerminated end, int restarts, String memoryLimit, String now) {
    var times = " (restarted " + restarts + (restarts == 1 ? " time" : " times");
    if (end != null && "OOMKilled".equals(end.getReason())) {
      return new PodFailure(pod, REASON_OOM_KILLED, name + " was killed for using more than its memory limit "
          + memoryLimit + times + ", OOMKilled); raise the tier's resources.limits.memory" + now);
    }
    var exit = end == null ? "" : ", last exit code " + end.getExitCode()
        + Optional.ofNullable(end.getReason()).map(r -> " (" + r + ")").orElse("")
        + Optional.ofNullable(end.getMessage()).filter(m -> !m.isBlank()).map(m -> ": " + quote(m)).orElse("");
    return new PodFailure(pod, REASON_CRASH_LOOP, name + " keeps crashing" + times + ", CrashLoopBackOff)" + exit + now);
  }

  private static String limit(Pod pod, String container) {
    return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(container)).findFirst()
        .map(c -> c.getResources() == null || c.getResources().getLimits() == null ? null : c.getResources().getLimits().get("memory"))
        .map(Object::toString).orElse("(none set)");
  }

  private static Optional<PodCondition> condition(PodStatus status, String type) {
    return Optional.ofNullable(status.getConditions()).orElse(List.of()).stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static Optional<Tier> tier(Pod pod) {
    var component = Optional.ofNullable(pod.getMetadata().getLabels()).map(l -> l.get(Labels.COMPONENT)).orElse("");
    return java.util.Arrays.stream(Tier.values()).filter(t -> t.component().equals(component)).findFirst();
  }

  /** One line, and not too long: a kubelet message may span lines (a registry's error body). */
  private static String quote(String message) {
    var line = Optional.ofNullable(message).orElse("").replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_QUOTE ? line : line.substring(0, MAX_QUOTE - 1) + "…";
  }
}
