package dev.taskapp.operator.reconciler;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.backend.BackendDeploymentDependentResource;
import dev.taskapp.operator.backend.BackendNetworkPolicyDependentResource;
import dev.taskapp.operator.backend.BackendServiceDependentResource;
import dev.taskapp.operator.backend.BackendServingCondition;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.Readiness;
import dev.taskapp.operator.core.Tier;
import dev.taskapp.operator.database.DatabaseNetworkPolicyDependentResource;
import dev.taskapp.operator.database.DatabaseReadyCondition;
import dev.taskapp.operator.database.DatabaseServiceDependentResource;
import dev.taskapp.operator.database.DatabaseStatefulSetDependentResource;
import dev.taskapp.operator.database.DatabaseVolumeExpansionDependentResource;
import dev.taskapp.operator.frontend.FrontendDeploymentDependentResource;
import dev.taskapp.operator.frontend.FrontendIngressDependentResource;
import dev.taskapp.operator.frontend.FrontendNetworkPolicyDependentResource;
import dev.taskapp.operator.frontend.FrontendServiceDependentResource;
import dev.taskapp.operator.frontend.IngressRequestedCondition;
import dev.taskapp.operator.gates.ReadinessGates;
import dev.taskapp.operator.gates.ReadinessGates.Upstream;
import dev.taskapp.operator.secret.CredentialsSecretDependentResource;
import dev.taskapp.operator.status.ConditionTypes;
import dev.taskapp.operator.status.StatusCalculator;
import dev.taskapp.operator.status.TransitionEvents;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Creates db → backend → frontend in order (the workflow below), then keeps the pods' readiness
 * gates and the TaskApp's status true to what it observes, including what the cluster refused.
 */
@ControllerConfiguration(name = TaskAppReconciler.NAME)
// A child the cluster refuses must not stop the rest: reconcile() still runs, writes the gates and
// the status (which names the refused object), then fails so that JOSDK retries with backoff, for
// as long as it takes (the user may fix the spec, a webhook may change its mind).
@GradualRetry(maxAttempts = -1, initialInterval = 1_000, maxInterval = 60_000)
@Workflow(handleExceptionsInReconciler = true, dependents = {
    @Dependent(name = TaskAppReconciler.SECRET, type = CredentialsSecretDependentResource.class),
    @Dependent(name = "db-service", type = DatabaseServiceDependentResource.class),
    @Dependent(name = "db-network-policy", type = DatabaseNetworkPolicyDependentResource.class),
    @Dependent(name = TaskAppReconciler.DATABASE, type = DatabaseStatefulSetDependentResource.class,
        dependsOn = {TaskAppReconciler.SECRET, "db-service"}, readyPostcondition = DatabaseReadyCondition.class),
    @Dependent(name = "db-volume-expansion", type = DatabaseVolumeExpansionDependentResource.class, dependsOn = TaskAppReconciler.DATABASE),
    @Dependent(name = "backend-service", type = BackendServiceDependentResource.class, dependsOn = TaskAppReconciler.DATABASE),
    @Dependent(name = "backend-network-policy", type = BackendNetworkPolicyDependentResource.class, dependsOn = TaskAppReconciler.DATABASE),
    @Dependent(name = TaskAppReconciler.BACKEND, type = BackendDeploymentDependentResource.class,
        dependsOn = TaskAppReconciler.DATABASE, readyPostcondition = BackendServingCondition.class),
    @Dependent(name = "frontend-service", type = FrontendServiceDependentResource.class, dependsOn = TaskAppReconciler.BACKEND),
    @Dependent(name = "frontend-network-policy", type = FrontendNetworkPolicyDependentResource.class, dependsOn = TaskAppReconciler.BACKEND),
    @Dependent(name = TaskAppReconciler.FRONTEND, type = FrontendDeploymentDependentResource.class, dependsOn = TaskAppReconciler.BACKEND),
    @Dependent(name = "frontend-ingress", type = FrontendIngressDependentResource.class,
        dependsOn = "frontend-service", reconcilePrecondition = IngressRequestedCondition.class),
})
public class TaskAppReconciler implements Reconciler<TaskApp> {

  public static final String NAME = "taskapp";
  static final String SECRET = "credentials-secret";
  static final String DATABASE = "db-statefulset";
  static final String BACKEND = "backend-deployment";
  static final String FRONTEND = "frontend-deployment";
  static final String PODS = "pods";
  static final Duration NOT_READY_RECHECK = Duration.ofSeconds(10);

  private final Defaults defaults;
  private final StatusCalculator statuses;
  private final ReadinessGates gates;
  private final TransitionEvents events;

  public TaskAppReconciler() {
    this(Clock.systemUTC());
  }

  public TaskAppReconciler(Clock clock) {
    this(clock, Defaults.fromEnvironment());
  }

  /** @param defaults as the dependents read them, to tell which database image the spec asks for */
  public TaskAppReconciler(Clock clock, Defaults defaults) {
    this.defaults = defaults;
    this.statuses = new StatusCalculator(clock);
    this.gates = new ReadinessGates(clock);
    this.events = new TransitionEvents(clock);
  }

  @Override
  public List<EventSource<?, TaskApp>> prepareEventSources(EventSourceContext<TaskApp> context) {
    return List.of(PodEvents.source(context));
  }

  @Override
  public UpdateControl<TaskApp> reconcile(TaskApp app, Context<TaskApp> context) {
    var errored = context.managedWorkflowAndDependentResourceContext().getWorkflowReconcileResult()
        .map(result -> result.getErroredDependents()).orElse(Map.of());
    var refusals = Refusals.of(app, errored);
    var observed = Observations.of(app, context, refusals, defaults);
    var status = statuses.next(app, observed);

    var gatesNotWritten = gates.sync(context.getClient(), List.copyOf(context.getSecondaryResources(Pod.class)), Map.of(
        Tier.DATABASE, upstream(status.condition(ConditionTypes.DATABASE_READY).orElseThrow().isTrue(), "DatabaseReady", "DatabaseNotReady", "database"),
        Tier.BACKEND, upstream(Readiness.serving(observed.backend()), "BackendAvailable", "BackendNotAvailable", "backend")));

    if (!status.equals(app.getStatus())) {
      StatusCalculator.transitions(app.getStatus(), status).forEach(c -> events.record(context.getClient(), app, c));
      // Not UpdateControl.patchStatus: without server-side apply it sends a JSON Patch against the
      // cached TaskApp, which can lag our own last write and so mixed conditions. The status is ours
      // alone: replaced whole, from the resourceVersion it was computed from, and the answer cached.
      PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(app, context, fresh -> {
        fresh.setStatus(status);
        return fresh;
      });
    }
    if (!errored.isEmpty() || !gatesNotWritten.isEmpty()) {
      throw new NotWrittenException(Stream.concat(errored.values().stream().map(Refusals::reason), gatesNotWritten.stream()).toList());
    }
    // A safety net, as controllers resync: while not Ready, look again even if no watch event comes.
    boolean ready = status.condition(ConditionTypes.READY).map(TaskAppCondition::isTrue).orElse(false);
    return ready ? UpdateControl.noUpdate() : UpdateControl.<TaskApp>noUpdate().rescheduleAfter(NOT_READY_RECHECK);
  }

  /** What this reconciliation could not write; thrown after the status says so, for JOSDK to retry. */
  static final class NotWrittenException extends RuntimeException {
    NotWrittenException(List<String> what) {
      super("Not written, retrying: " + String.join("; ", what));
    }
  }

  private static Upstream upstream(boolean serving, String yes, String no, String tier) {
    return serving
        ? new Upstream(true, yes, "The " + tier + " is ready")
        : new Upstream(false, no, "The " + tier + " is not ready");
  }
}
