package dev.taskapp.operator.reconciler;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.DesiredObject;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.Tier;
import dev.taskapp.operator.status.Refusal;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The children of a TaskApp that the cluster refused, named as a user finds them with kubectl. Only
 * refusals are told: a 409 (someone wrote in between), a 429 (throttled) or a failed connection is
 * retried without alarming anyone.
 */
final class Refusals {

  private Refusals() {}

  static List<Refusal> of(TaskApp app, Map<DependentResource, Exception> errored) {
    return errored.entrySet().stream().filter(e -> isRefusal(e.getValue())).map(e -> refusal(app, e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(Refusal::tier).thenComparing(Refusal::kind)).toList();
  }

  /** The API server said no and will say it again until something changes: a 4xx other than 409 and 429. */
  static boolean isRefusal(Throwable error) {
    return apiError(error).map(e -> e.getCode() >= 400 && e.getCode() < 500 && e.getCode() != 409 && e.getCode() != 429)
        .orElse(false);
  }

  private static Optional<KubernetesClientException> apiError(Throwable error) {
    for (var cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException e && e.getCode() > 0) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static Refusal refusal(TaskApp app, DependentResource<?, ?> dependent, Exception error) {
    if (dependent instanceof DesiredObject<?> child) {
      var object = child.desired(app);
      var component = Optional.ofNullable(object.getMetadata().getLabels()).map(l -> l.get(Labels.COMPONENT)).orElse(null);
      // The Secret belongs to the whole TaskApp; the database is what cannot start without it.
      var tier = Arrays.stream(Tier.values()).filter(t -> t.component().equals(component)).findFirst().orElse(Tier.DATABASE);
      return new Refusal(tier, object.getKind(), object.getMetadata().getName(), reason(error));
    }
    // The only other dependent grows the database's claim.
    return new Refusal(Tier.DATABASE, "PersistentVolumeClaim", ResourceNames.dataClaim(app), reason(error));
  }

  /** The API server's own message where there is one (it names the field and the rule), else the error's. */
  static String reason(Throwable error) {
    return apiError(error).filter(e -> e.getStatus() != null && e.getStatus().getMessage() != null)
        .map(e -> e.getStatus().getMessage() + " (HTTP " + e.getCode() + ")")
        .orElse(String.valueOf(error.getMessage()));
  }
}
