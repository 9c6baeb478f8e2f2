package dev.taskapp.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.it.MockCluster;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransitionEventsTest {

  private static MockCluster cluster;

  @BeforeAll
  static void start() {
    cluster = new MockCluster();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void aChangeComputedTwiceFromAStaleStatusIsToldOnce() {
    var events = new TransitionEvents(Clock.systemUTC());
    var app = TestTaskApps.minimal("twice");
    var ready = condition("True", "Ready", "All tiers are ready");
    var notReady = condition("False", "BackendNotReady", "0/1 backend pods available");

    events.record(cluster.client(), app, notReady);
    events.record(cluster.client(), app, ready);
    events.record(cluster.client(), app, ready);      // the same change again: not told
    events.record(cluster.client(), app, notReady);   // a real change back: told
    events.record(cluster.client(), TestTaskApps.minimal("other"), ready); // another TaskApp: its own story

    assertThat(eventsOf("twice")).extracting(Event::getReason).containsExactly("BackendNotReady", "Ready", "BackendNotReady");
    assertThat(eventsOf("twice")).extracting(Event::getType).containsExactly("Warning", "Normal", "Warning");
    assertThat(eventsOf("other")).extracting(Event::getReason).containsExactly("Ready");
  }

  private static TaskAppCondition condition(String status, String reason, String message) {
    return new TaskAppCondition(ConditionTypes.READY, status, reason, message, "2026-11-26T12:00:00Z", 1L);
  }

  private static List<Event> eventsOf(String name) {
    return cluster.client().v1().events().inNamespace(TestTaskApps.NAMESPACE).list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(name))
        // told in this order: the mock numbers resource versions in creation order
        .sorted(java.util.Comparator.comparingLong(e -> Long.parseLong(e.getMetadata().getResourceVersion())))
        .toList();
  }
}
