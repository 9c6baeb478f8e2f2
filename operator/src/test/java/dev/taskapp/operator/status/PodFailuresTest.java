package dev.taskapp.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.core.Tier;
import dev.taskapp.operator.it.PodTrouble;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodFailuresTest {

  private static Pod pod(String name, String component, PodTrouble trouble) {
    var pod = new PodBuilder().withNewMetadata().withName(name).withLabels(Map.of("app.kubernetes.io/component", component)).endMetadata()
        .withNewSpec().addNewContainer().withName(component).withNewResources().addToLimits("memory", new Quantity("768Mi"))
        .endResources().endContainer().endSpec().build();
    var status = new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running");
    trouble.schedulerMessage().ifPresent(message -> status.addNewCondition().withType("PodScheduled").withStatus("False")
        .withReason("Unschedulable").withMessage(message).endCondition().withPhase("Pending"));
    status.withContainerStatuses(trouble.containerStatuses(pod));
    return new PodBuilder(pod).withStatus(status.build()).build();
  }

  @Test
  void eachTroubleHasItsReasonAndTheKubeletsWords() {
    assertThat(PodFailures.of(pod("b-1", "backend", PodTrouble.imagePullBackOff()))).get()
        .isEqualTo(new PodFailure("b-1", "ImagePullFailed",
            "container backend cannot pull its image (ImagePullBackOff: Back-off pulling image \"" + PodTrouble.IMAGE + "\")"));
    assertThat(PodFailures.of(pod("b-1", "backend", PodTrouble.crashLoop(2)))).get()
        .isEqualTo(new PodFailure("b-1", "CrashLoopBackOff",
            "container backend keeps crashing (restarted 4 times, CrashLoopBackOff), last exit code 2 (Error)"));
    assertThat(PodFailures.of(pod("b-1", "backend", PodTrouble.oomKilled()))).get()
        .isEqualTo(new PodFailure("b-1", "OOMKilled", "container backend was killed for using more than its memory limit 768Mi"
            + " (restarted 3 times, OOMKilled); raise the tier's resources.limits.memory"));
    assertThat(PodFailures.of(pod("b-1", "backend", PodTrouble.unschedulable()))).get()
        .isEqualTo(new PodFailure("b-1", "Unschedulable", "cannot be scheduled: " + PodTrouble.SCHEDULER_MESSAGE));
    assertThat(PodFailures.of(pod("b-1", "backend", PodTrouble.readinessProbeFailing()))).get()
        .isEqualTo(new PodFailure("b-1", "ReadinessProbeFailing", "container backend is running, readiness probe failing"));
  }

  @Test
  void aCrashLoopKeepsItsReasonWhileTheContainerRunsAgainBetweenCrashes() {
    var pod = pod("b-1", "backend", PodTrouble.crashLoop(1));
    var crashed = pod.getStatus().getContainerStatuses().getFirst();
    pod.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder(crashed)
        .withNewState().withNewRunning().withStartedAt("2026-01-01T10:00:00Z").endRunning().endState().build()));
    assertThat(PodFailures.of(pod)).get().extracting(PodFailure::reason).isEqualTo("CrashLoopBackOff");
    assertThat(PodFailures.of(pod).orElseThrow().message()).endsWith("; running again, not ready yet");
  }

  @Test
  void startingPodsAndPodsWaitingForTheirGateAreNoFailure() {
    var starting = pod("b-1", "backend", PodTrouble.readinessProbeFailing());
    starting.getStatus().getContainerStatuses().getFirst().setState(new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
        .withNewWaiting().withReason("ContainerCreating").endWaiting().build());
    assertThat(PodFailures.of(starting)).isEmpty();

    var gated = pod("b-1", "backend", PodTrouble.readinessProbeFailing());
    gated.getStatus().getContainerStatuses().getFirst().setReady(true);
    assertThat(PodFailures.of(gated)).as("containers ready, only the gate False").isEmpty();
  }

  @Test
  void theFirstFailingPodOfEachTierByNameAndOnOneLine() {
    var pods = List.of(pod("t-backend-b", "backend", PodTrouble.crashLoop(1)), pod("t-backend-a", "backend", PodTrouble.imagePullBackOff()),
        pod("t-db-0", "db", PodTrouble.unschedulable()));
    var failures = PodFailures.byTier(pods);
    assertThat(failures).containsOnlyKeys(Tier.BACKEND, Tier.DATABASE);
    assertThat(failures.get(Tier.BACKEND).pod()).isEqualTo("t-backend-a");

    var noisy = pod("b-1", "backend", PodTrouble.imagePullBackOff());
    noisy.getStatus().getContainerStatuses().getFirst().getState().getWaiting().setMessage("line one\nline two " + "x".repeat(400));
    assertThat(PodFailures.of(noisy).orElseThrow().message()).doesNotContain("\n").hasSizeLessThan(400).contains("line one line two");
  }
}
