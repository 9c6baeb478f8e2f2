package dev.taskapp.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.api.TaskAppStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import dev.taskapp.operator.core.Tier;
import org.junit.jupiter.api.Test;

class StatusCalculatorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private static StatefulSet db(int ready) {
    return new StatefulSetBuilder().withNewMetadata().withName("demo-db").endMetadata()
        .withNewSpec().withReplicas(1).endSpec().withNewStatus().withReadyReplicas(ready).endStatus().build();
  }

  private static Deployment deployment(int replicas, int updated, int available) {
    return new DeploymentBuilder().withNewMetadata().withName("d").withGeneration(2L).endMetadata()
        .withNewSpec().withReplicas(replicas).withNewTemplate().withNewSpec().addNewContainer().withImage("taskapp/backend:0.2.0").endContainer().endSpec().endTemplate().endSpec()
        .withNewStatus().withObservedGeneration(2L).withUpdatedReplicas(updated).withAvailableReplicas(available).endStatus().build();
  }

  private static TaskAppCondition condition(TaskAppStatus status, String type) {
    return status.condition(type).orElseThrow();
  }

  @Test
  void allTiersServingMeansReadyWithCountsUrlAndGeneration() {
    var app = TestTaskApps.minimal("demo");
    var status = new StatusCalculator(Clock.fixed(T0, ZoneOffset.UTC))
        .next(app, new Observed(db(1), deployment(1, 1, 1), deployment(2, 2, 2)));

    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getConditions()).extracting(TaskAppCondition::getType)
        .containsExactly("DatabaseReady", "BackendReady", "FrontendReady", "Ready");
    assertThat(status.getConditions()).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(status.getFrontend().getReady()).isEqualTo("2/2");
    assertThat(status.getDatabase().getReady()).isEqualTo("1/1");
    assertThat(status.getUrl()).isEqualTo("http://demo-frontend.tasks.svc:3000");
  }

  @Test
  void aDatabaseOutageExplainsEveryTierAndOnlyTransitionsMoveTheTime() {
    TaskApp app = TestTaskApps.minimal("demo");
    var ready = new StatusCalculator(Clock.fixed(T0, ZoneOffset.UTC))
        .next(app, new Observed(db(1), deployment(1, 1, 1), deployment(1, 1, 1)));
    app.setStatus(ready);

    var later = new StatusCalculator(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
    var down = later.next(app, new Observed(db(0), deployment(1, 1, 0), deployment(1, 1, 1)));

    assertThat(condition(down, "DatabaseReady").getStatus()).isEqualTo("False");
    assertThat(condition(down, "DatabaseReady").getLastTransitionTime()).isEqualTo("2026-01-01T10:01:00Z");
    assertThat(condition(down, "BackendReady").getReason()).isEqualTo("DatabaseNotReady");
    assertThat(condition(down, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(down, "Ready").getReason()).isEqualTo("DatabaseNotReady");
    assertThat(condition(down, "FrontendReady").getStatus()).isEqualTo("True");
    assertThat(condition(down, "FrontendReady").getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(StatusCalculator.transitions(ready, down)).extracting(TaskAppCondition::getType)
        .containsExactlyInAnyOrder("DatabaseReady", "BackendReady", "Ready");
  }

  @Test
  void aRolloutIsShownUntilEveryPodRunsTheNewTemplate() {
    var app = TestTaskApps.minimal("demo");
    var status = new StatusCalculator(Clock.systemUTC())
        .next(app, new Observed(db(1), deployment(2, 1, 2), null));
    assertThat(condition(status, "BackendReady").getReason()).isEqualTo("RollingOut");
    assertThat(condition(status, "BackendReady").getMessage()).contains("1/2").contains("taskapp/backend:0.2.0");
    assertThat(condition(status, "FrontendReady").getReason()).isEqualTo("Creating");
  }

  @Test
  void tiersWaitForTheTierBelow() {
    var status = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"), new Observed(db(0), null, null));
    assertThat(condition(status, "BackendReady").getReason()).isEqualTo("WaitingForDatabase");
    assertThat(condition(status, "FrontendReady").getReason()).isEqualTo("WaitingForBackend");
    assertThat(status.getBackend().getReady()).isEqualTo("0/0");
  }

  @Test
  void aSpecMistakeMakesReadyFalseEvenWhenEveryTierServes() {
    var app = TestTaskApps.full("demo"); // its backend env tries to override DATABASE_URL
    var status = new StatusCalculator(Clock.systemUTC()).next(app, new Observed(db(1), deployment(2, 2, 2), deployment(3, 3, 3)));
    assertThat(condition(status, "BackendReady").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(status, "Ready").getMessage())
        .isEqualTo("Invalid spec: spec.backend.env.DATABASE_URL: set by the operator, cannot be overridden");
  }

  @Test
  void aLostSecretIsNamedOnReady() {
    var status = new StatusCalculator(Clock.systemUTC())
        .next(TestTaskApps.minimal("demo"), new Observed(db(1), deployment(1, 1, 1), deployment(1, 1, 1), true));
    assertThat(condition(status, "Ready").getReason()).isEqualTo("CredentialsMissing");
    assertThat(condition(status, "Ready").getMessage()).contains("demo-credentials", "data-demo-db-0", "restore");
  }

  @Test
  void aRefusedChildIsNamedOnReadyAndOnItsTierWhileTheTierIsDown() {
    var refusal = new Refusal(Tier.BACKEND, "Deployment", "demo-backend",
        "admission webhook \"policy.example.com\" denied the request: too many replicas (HTTP 400)");
    var status = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"),
        new Observed(db(1), null, null, false, List.of(refusal), Optional.empty()));
    assertThat(condition(status, "DatabaseReady").getStatus()).as("the database is not what was refused").isEqualTo("True");
    assertThat(condition(status, "BackendReady").getReason()).isEqualTo("Refused");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("Refused");
    assertThat(condition(status, "Ready").getMessage())
        .isEqualTo("Deployment demo-backend was refused: admission webhook \"policy.example.com\" denied the request: too many replicas (HTTP 400)");
  }

  @Test
  void aServingTierKeepsItsConditionWhenAChangeToItIsRefused() {
    var refusal = new Refusal(Tier.BACKEND, "Deployment", "demo-backend", "denied (HTTP 400)");
    var status = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"),
        new Observed(db(1), deployment(1, 1, 1), deployment(1, 1, 1), false, List.of(refusal), Optional.empty()));
    assertThat(condition(status, "BackendReady").getStatus()).as("its pods still serve; the gates depend on it").isEqualTo("True");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("Refused");
  }

  @Test
  void storageThatCannotGrowHasItsOwnConditionAndLeavesReadyAlone() {
    var ready = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"),
        new Observed(db(1), deployment(1, 1, 1), deployment(1, 1, 1)));
    assertThat(ready.condition("StorageExpanded")).as("absent while nothing is asked that cannot be given").isEmpty();

    var status = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"),
        new Observed(db(1), deployment(1, 1, 1), deployment(1, 1, 1), false, List.of(), Optional.of("the class cannot grow volumes")));
    assertThat(condition(status, "StorageExpanded").getStatus()).isEqualTo("False");
    assertThat(condition(status, "StorageExpanded").getReason()).isEqualTo("ExpansionNotAllowed");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
  }

  @Test
  void aFailingPodNamesItselfOnItsTierAndInReadyUnlessTheTierBelowIsTheCause() {
    var failure = new PodFailure("demo-backend-7d-x", ConditionTypes.REASON_CRASH_LOOP, "container backend keeps crashing");
    var status = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"), new Observed(db(1), deployment(2, 2, 1),
        deployment(1, 1, 1), false, List.of(), Optional.empty(), java.util.Map.of(Tier.BACKEND, failure), Optional.empty()));
    assertThat(condition(status, "BackendReady").getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(condition(status, "BackendReady").getMessage())
        .isEqualTo("1/2 backend pods available; pod demo-backend-7d-x: container backend keeps crashing");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("BackendNotReady");
    assertThat(condition(status, "Ready").getMessage()).contains("pod demo-backend-7d-x: container backend keeps crashing");

    var dbDown = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"), new Observed(db(0), deployment(2, 2, 0),
        null, false, List.of(), Optional.empty(), java.util.Map.of(Tier.BACKEND, failure), Optional.empty()));
    assertThat(condition(dbDown, "BackendReady").getReason()).as("the database is the cause").isEqualTo("DatabaseNotReady");
  }

  @Test
  void aRefusedMajorVersionChangeMakesReadyFalseWhileTheDatabaseServes() {
    var status = new StatusCalculator(Clock.systemUTC()).next(TestTaskApps.minimal("demo"), new Observed(db(1), deployment(1, 1, 1),
        deployment(1, 1, 1), false, List.of(), Optional.empty(), java.util.Map.of(), Optional.of("PostgreSQL 18 cannot open ...")));
    assertThat(condition(status, "DatabaseReady").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("MajorVersionChange");
    assertThat(condition(status, "Ready").getMessage()).isEqualTo("PostgreSQL 18 cannot open ...");
  }
}
