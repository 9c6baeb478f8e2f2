package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskAppCondition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tier whose pods fail says which pod and why, in the kubelet's or the scheduler's words, on its
 * own condition and in Ready's message, with one Event; and says it no more once the pods recover.
 */
class PodFailuresIT extends OperatorInMockCluster {

  static Stream<Arguments> troubles() {
    return Stream.of(
        Arguments.of("pull", "backend", PodTrouble.imagePullBackOff(), "BackendReady", List.of("ImagePullBackOff", "Back-off pulling image", PodTrouble.IMAGE)),
        Arguments.of("errpull", "frontend", PodTrouble.errImagePull(), "FrontendReady", List.of("ErrImagePull", "not found")),
        Arguments.of("crash", "backend", PodTrouble.crashLoop(3), "BackendReady", List.of("keeps crashing", "restarted 4 times", "last exit code 3 (Error)")),
        Arguments.of("oom", "db", PodTrouble.oomKilled(), "DatabaseReady", List.of("OOMKilled", "memory limit 512Mi", "restarted 3 times")),
        Arguments.of("nofit", "db", PodTrouble.unschedulable(), "DatabaseReady", List.of("cannot be scheduled", "3 Insufficient memory")),
        Arguments.of("probe", "frontend", PodTrouble.readinessProbeFailing(), "FrontendReady", List.of("readiness probe failing")));
  }

  @ParameterizedTest(name = "{2} on the {1}")
  @MethodSource("troubles")
  void aFailingPodIsNamedWithTheKubeletsReason(String name, String tier, PodTrouble trouble, String type, List<String> words) {
    var workload = name + "-" + tier;
    client.resource(TestTaskApps.minimal(name)).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> condition(name, "Ready").map(TaskAppCondition::isTrue).orElse(false));

    kubelet.podTrouble(workload, trouble);
    await().atMost(Duration.ofSeconds(20)).until(() -> condition(name, type).map(c -> trouble.reason().equals(c.getReason())).orElse(false));
    var pod = pods(workload).getFirst().getMetadata().getName();
    var tierCondition = condition(name, type).orElseThrow();
    var ready = condition(name, "Ready").orElseThrow();
    assertThat(tierCondition.getStatus()).isEqualTo("False");
    var what = trouble.schedulerMessage().isPresent() ? ": cannot be scheduled: " + PodTrouble.SCHEDULER_MESSAGE : ": container " + tier;
    assertThat(tierCondition.getMessage()).contains("pod " + pod + what).contains(words).doesNotContain("\n");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage()).as("Ready says why, too").contains("pod " + pod).contains(words);
    await().atMost(Duration.ofSeconds(5)).until(() -> events(name, trouble.reason()).size() == 1);

    kubelet.podTrouble(workload, null);
    await().atMost(Duration.ofSeconds(30)).until(() -> condition(name, "Ready").map(TaskAppCondition::isTrue).orElse(false));
    assertThat(events(name, trouble.reason())).as("told once per change").hasSize(1);
  }


  private static List<Pod> pods(String workload) {
    return client.pods().inNamespace(TestTaskApps.NAMESPACE).list().getItems().stream()
        .filter(p -> p.getMetadata().getOwnerReferences().stream().anyMatch(r -> r.getName().equals(workload))).toList();
  }

  private static List<Event> events(String name, String reason) {
    return client.v1().events().inNamespace(TestTaskApps.NAMESPACE).list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(name) && reason.equals(e.getReason())).toList();
  }
}
