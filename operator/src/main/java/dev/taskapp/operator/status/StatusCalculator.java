package dev.taskapp.operator.status;

import static dev.taskapp.operator.status.ConditionTypes.*;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.api.TaskAppStatus;
import dev.taskapp.operator.api.TierStatus;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Readiness;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns what was observed into the TaskApp's status; lastTransitionTime moves only when a status flips. */
public final class StatusCalculator {

  private record Draft(String type, String status, String reason, String message) {
    boolean ready() { return TRUE.equals(status); }
  }

  private final Clock clock;

  public StatusCalculator(Clock clock) {
    this.clock = clock;
  }

  public TaskAppStatus next(TaskApp app, Observed observed) {
    var previous = Optional.ofNullable(app.getStatus()).orElseGet(TaskAppStatus::new);
    Long generation = app.getMetadata().getGeneration();
    var db = refusedIfDown(explained(database(observed), Tier.DATABASE, observed), Tier.DATABASE, observed);
    var backend = refusedIfDown(explained(tier(BACKEND_READY, "backend", observed.backend(), db.ready(),
        REASON_WAITING_FOR_DATABASE, REASON_DATABASE_NOT_READY, "the database is not ready"), Tier.BACKEND, observed), Tier.BACKEND, observed);
    var frontend = refusedIfDown(explained(tier(FRONTEND_READY, "frontend", observed.frontend(), Readiness.serving(observed.backend()),
        REASON_WAITING_FOR_BACKEND, REASON_BACKEND_NOT_READY, "the backend is not available"), Tier.FRONTEND, observed), Tier.FRONTEND, observed);
    var url = new EffectiveSpec(app, Defaults.builtIn()).url();
    var problems = SpecProblems.of(app);
    var ready = observed.credentialsMissing()
        ? new Draft(READY, FALSE, REASON_CREDENTIALS_MISSING, "The Secret " + ResourceNames.secret(app)
            + " was deleted while the database volume " + ResourceNames.dataClaim(app) + " holds data; restore it"
            + " (e.g. from a backup): a new password would not open the data, so the operator does not make one")
        : !observed.refusals().isEmpty()
        ? new Draft(READY, FALSE, REASON_REFUSED, observed.refusals().stream().map(Refusal::describe).collect(Collectors.joining("; ")))
        : !problems.isEmpty()
        ? new Draft(READY, FALSE, REASON_INVALID_SPEC, "Invalid spec: " + String.join("; ", problems))
        : observed.databaseImageRefused().isPresent()
        ? new Draft(READY, FALSE, REASON_MAJOR_VERSION_CHANGE, observed.databaseImageRefused().get())
        : Stream.of(db, backend, frontend).filter(d -> !d.ready()).findFirst()
            .map(d -> new Draft(READY, FALSE, notReadyReason(d.type()), d.message()))
            .orElse(new Draft(READY, TRUE, REASON_READY, "All tiers are ready at " + url));
    // Not part of Ready: the database serves on the volume it has; this only says the spec's size was not given.
    var storage = observed.storageNotExpandable().map(why -> new Draft(STORAGE_EXPANDED, FALSE, REASON_EXPANSION_NOT_ALLOWED, why));

    var status = new TaskAppStatus();
    status.setObservedGeneration(generation);
    status.setConditions(Stream.concat(Stream.of(db, backend, frontend, ready), storage.stream())
        .map(d -> condition(previous, d, generation)).toList());
    status.setDatabase(new TierStatus(observed.database() == null ? 0 : Readiness.readyReplicas(observed.database()), 1));
    status.setBackend(counts(observed.backend()));
    status.setFrontend(counts(observed.frontend()));
    status.setUrl(url);
    return status;
  }

  /** A tier that does not serve because the cluster refused one of its objects says so, rather than "Creating". */
  private static Draft refusedIfDown(Draft draft, Tier tier, Observed observed) {
    if (draft.ready()) {
      return draft; // still serving what it had; Ready carries the refusal
    }
    return observed.refusals().stream().filter(r -> r.tier() == tier).map(Refusal::describe)
        .reduce((a, b) -> a + "; " + b)
        .map(message -> new Draft(draft.type(), FALSE, REASON_REFUSED, message))
        .orElse(draft);
  }

  /**
   * A tier that is rolling out or not ready, whose own pods fail, says which pod and why (the first
   * one): the workload's counts alone send the user to kubectl describe pod. Not when it waits for
   * the tier below: its pods fail then because of that.
   */
  private static Draft explained(Draft draft, Tier tier, Observed observed) {
    var failure = observed.podFailures().get(tier);
    boolean ownFault = REASON_ROLLING_OUT.equals(draft.reason()) || notReadyReason(draft.type()).equals(draft.reason());
    if (draft.ready() || failure == null || !ownFault) {
      return draft;
    }
    return new Draft(draft.type(), FALSE, failure.reason(), draft.message() + "; " + failure.describe());
  }

  private static Draft database(Observed observed) {
    var db = observed.database();
    if (db == null) {
      return new Draft(DATABASE_READY, FALSE, REASON_CREATING, "Creating the database");
    }
    if (!Readiness.serving(db)) {
      return new Draft(DATABASE_READY, FALSE, REASON_DATABASE_NOT_READY, "0/1 database pods ready");
    }
    return new Draft(DATABASE_READY, TRUE, REASON_READY, "1/1 database pods ready");
  }

  private static Draft tier(String type, String name, Deployment deployment, boolean upstreamServing,
      String waitingReason, String upstreamReason, String upstreamProblem) {
    if (deployment == null) {
      return upstreamServing
          ? new Draft(type, FALSE, REASON_CREATING, "Creating the " + name)
          : new Draft(type, FALSE, waitingReason, "Waiting: " + upstreamProblem);
    }
    int replicas = Readiness.replicas(deployment);
    int available = Readiness.availableReplicas(deployment);
    if (replicas == 0) {
      return new Draft(type, FALSE, REASON_SCALED_TO_ZERO, "The " + name + " has 0 replicas");
    }
    if (!Readiness.rolledOut(deployment)) {
      return new Draft(type, FALSE, REASON_ROLLING_OUT, Readiness.updatedReplicas(deployment) + "/" + replicas
          + " " + name + " pods updated to " + deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }
    if (available < replicas) {
      var counts = available + "/" + replicas + " " + name + " pods available";
      return upstreamServing
          ? new Draft(type, FALSE, notReadyReason(type), counts)
          : new Draft(type, FALSE, upstreamReason, counts + ": " + upstreamProblem);
    }
    return new Draft(type, TRUE, REASON_READY, available + "/" + replicas + " " + name + " pods available");
  }

  private static String notReadyReason(String type) {
    return switch (type) {
      case DATABASE_READY -> REASON_DATABASE_NOT_READY;
      case BACKEND_READY -> REASON_BACKEND_NOT_READY;
      default -> REASON_FRONTEND_NOT_READY;
    };
  }

  private static TierStatus counts(Deployment deployment) {
    return deployment == null ? new TierStatus(0, 0)
        : new TierStatus(Readiness.availableReplicas(deployment), Readiness.replicas(deployment));
  }

  private TaskAppCondition condition(TaskAppStatus previous, Draft draft, Long generation) {
    var transitionTime = previous.condition(draft.type())
        .filter(c -> c.getStatus().equals(draft.status()))
        .map(TaskAppCondition::getLastTransitionTime)
        .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return new TaskAppCondition(draft.type(), draft.status(), draft.reason(), draft.message(), transitionTime, generation);
  }

  /**
   * The conditions whose status or reason changed (or that appeared) between two statuses: a tier
   * that goes from waiting to refused stays False, but the user must hear of it.
   */
  public static List<TaskAppCondition> transitions(TaskAppStatus before, TaskAppStatus after) {
    var old = Optional.ofNullable(before).orElseGet(TaskAppStatus::new);
    return after.getConditions().stream()
        .filter(c -> old.condition(c.getType())
            .map(p -> !p.getStatus().equals(c.getStatus()) || !p.getReason().equals(c.getReason())).orElse(true))
        .toList();
  }
}
