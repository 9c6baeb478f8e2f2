package dev.taskapp.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.DatabaseSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.database.PostgresMajor;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A data directory opens only with the PostgreSQL major that wrote it: a new major (or one that
 * cannot be told) is refused with a condition that says how to upgrade, and never rolled; a new
 * minor rolls.
 */
class DatabaseMajorVersionIT extends OperatorInMockCluster {

  @Test
  void anotherMajorIsRefusedAndNotRolledAMinorIsRolled() {
    var app = TestTaskApps.minimal("pgmajor");
    app.getSpec().setDatabase(new DatabaseSpec());
    app.getSpec().getDatabase().setImage("postgres:16");
    client.resource(app).create();
    await().atMost(Duration.ofSeconds(30)).until(() -> ready().map(TaskAppCondition::isTrue).orElse(false));
    var before = statefulSet();

    image("postgres:17-alpine");
    await().atMost(Duration.ofSeconds(15)).until(() -> ready().map(c -> "MajorVersionChange".equals(c.getReason())).orElse(false));
    assertThat(ready().orElseThrow().getStatus()).isEqualTo("False");
    assertThat(ready().orElseThrow().getMessage()).contains("PostgreSQL 17 (postgres:17-alpine)", "PostgreSQL 16 (postgres:16)",
        "dump and restore", PostgresMajor.UPGRADE_DOC);
    assertThat(condition("DatabaseReady").map(TaskAppCondition::isTrue)).as("the database still serves").hasValue(true);
    assertThat(statefulSet().getMetadata().getGeneration()).as("the StatefulSet was not updated").isEqualTo(before.getMetadata().getGeneration());
    assertThat(image(statefulSet())).isEqualTo("postgres:16");

    image("postgres:latest");
    await().atMost(Duration.ofSeconds(15)).until(() -> ready().map(c -> c.getMessage().contains("postgres:latest cannot be told")).orElse(false));
    assertThat(image(statefulSet())).isEqualTo("postgres:16");

    image("registry.example.com/mirror/postgres:16.4");
    await().atMost(Duration.ofSeconds(30)).until(() -> image(statefulSet()).equals("registry.example.com/mirror/postgres:16.4"));
    await().atMost(Duration.ofSeconds(30)).until(() -> ready().map(TaskAppCondition::isTrue).orElse(false));
  }

  private static void image(String image) {
    client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("pgmajor").edit(a -> {
      a.getSpec().getDatabase().setImage(image);
      return a;
    });
  }

  private static String image(StatefulSet sts) {
    return sts.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
  }

  private static StatefulSet statefulSet() {
    return client.apps().statefulSets().inNamespace(TestTaskApps.NAMESPACE).withName("pgmajor-db").get();
  }

  private static Optional<TaskAppCondition> ready() {
    return condition("Ready");
  }

  private static Optional<TaskAppCondition> condition(String type) {
    return Optional.ofNullable(client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName("pgmajor").get())
        .map(TaskApp::getStatus).flatMap(s -> s.condition(type));
  }
}
