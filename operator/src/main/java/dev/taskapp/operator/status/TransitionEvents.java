package dev.taskapp.operator.status;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Kubernetes Event on the TaskApp for each condition that changed, so kubectl describe tells the story. */
public final class TransitionEvents {

  private static final Logger LOG = LoggerFactory.getLogger(TransitionEvents.class);
  private static final String COMPONENT = "taskapp-operator";

  private static final int MAX_TOLD = 10_000;
  private static final Set<String> WARNINGS = Set.of(ConditionTypes.REASON_INVALID_SPEC, ConditionTypes.REASON_CREDENTIALS_MISSING,
      ConditionTypes.REASON_REFUSED, ConditionTypes.REASON_EXPANSION_NOT_ALLOWED, ConditionTypes.REASON_MAJOR_VERSION_CHANGE,
      ConditionTypes.REASON_UNSCHEDULABLE, ConditionTypes.REASON_IMAGE_PULL_FAILED, ConditionTypes.REASON_CRASH_LOOP,
      ConditionTypes.REASON_OOM_KILLED, ConditionTypes.REASON_CONTAINER_CANNOT_START, ConditionTypes.REASON_READINESS_PROBE_FAILING);

  private final Clock clock;
  /**
   * The last change told per TaskApp and condition type. A reconciliation that runs before its own
   * status patch reaches the cache sees the old status again and computes the same change: it is
   * told once. Bounded (least recently told first out); an operator restart starts afresh.
   */
  private final Map<String, String> lastTold = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_TOLD;
    }
  });

  public TransitionEvents(Clock clock) {
    this.clock = clock;
  }

  public void record(KubernetesClient client, TaskApp app, TaskAppCondition condition) {
    var told = condition.getStatus() + "/" + condition.getReason() + "/" + condition.getMessage();
    if (told.equals(lastTold.put(app.getMetadata().getUid() + "/" + condition.getType(), told))) {
      return;
    }
    var now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    var warning = condition.getReason().endsWith("NotReady") || WARNINGS.contains(condition.getReason());
    var event = new EventBuilder()
        .withNewMetadata()
        .withName(app.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 8))
        .withNamespace(app.getMetadata().getNamespace())
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder()
            .withApiVersion(app.getApiVersion()).withKind(app.getKind())
            .withName(app.getMetadata().getName()).withNamespace(app.getMetadata().getNamespace())
            .withUid(app.getMetadata().getUid()).build())
        .withType(warning ? "Warning" : "Normal")
        .withReason(condition.getReason())
        .withMessage(condition.getType() + " is " + condition.getStatus() + ": " + condition.getMessage())
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(app.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy: never fail a reconciliation over it.
      LOG.warn("Could not record event {} on {}: {}", condition.getReason(), app.getMetadata().getName(), e.getMessage());
    }
  }
}
