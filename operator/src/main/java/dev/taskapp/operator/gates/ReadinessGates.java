package dev.taskapp.operator.gates;

import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.Readiness;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the {@value Readiness#GATE} condition of backend and frontend pods: True while the tier
 * below serves, False with a reason while it does not. A pod with a False gate is not Ready, so it
 * leaves its Service's endpoints — Compose's depends_on kept true after start.
 */
public final class ReadinessGates {

  private static final Logger LOG = LoggerFactory.getLogger(ReadinessGates.class);

  /** Whether the tier below a gated tier serves, and why not. */
  public record Upstream(boolean serving, String reason, String message) {}

  private final Clock clock;

  public ReadinessGates(Clock clock) {
    this.clock = clock;
  }

  /** The gate condition's status and reason on a pod, if set. */
  public static Optional<String> gateOf(Pod pod) {
    return Optional.ofNullable(pod.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
        .filter(c -> Readiness.GATE.equals(c.getType())).findFirst()
        .map(c -> c.getStatus() + "/" + c.getReason());
  }

  /**
   * Sets each pod's gate from the tier its own tier is gated on ({@link Tier#gatedOn()}).
   * @param serving whether each upstream tier serves, and why not
   * @return how many pods were patched
   */
  public int sync(KubernetesClient client, List<Pod> pods, Map<Tier, Upstream> serving) {
    int patched = 0;
    for (var pod : pods) {
      var component = pod.getMetadata().getLabels().get(Labels.COMPONENT);
      var upstream = Arrays.stream(Tier.values()).filter(t -> t.component().equals(component)).findFirst()
          .flatMap(Tier::gatedOn).map(serving::get).orElse(null);
      if (upstream != null && pod.getMetadata().getDeletionTimestamp() == null && patch(client, pod, upstream)) {
        patched++;
      }
    }
    return patched;
  }

  private boolean patch(KubernetesClient client, Pod pod, Upstream upstream) {
    var wanted = upstream.serving() ? "True" : "False";
    var conditions = Optional.ofNullable(pod.getStatus()).map(s -> s.getConditions()).orElse(List.of());
    int index = -1;
    for (int i = 0; i < conditions.size(); i++) {
      if (Readiness.GATE.equals(conditions.get(i).getType())) {
        index = i;
      }
    }
    if (index >= 0 && wanted.equals(conditions.get(index).getStatus())
        && upstream.reason().equals(conditions.get(index).getReason())) {
      return false;
    }
    var now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    var condition = String.format(
        "{\"type\":\"%s\",\"status\":\"%s\",\"reason\":\"%s\",\"message\":\"%s\",\"lastTransitionTime\":\"%s\"}",
        Readiness.GATE, wanted, upstream.reason(), upstream.message(), now);
    // A JSON patch that only touches our own condition: the "test" op makes it fail, rather than
    // overwrite a kubelet condition, if the list changed since the pod was cached.
    String patch;
    if (index >= 0) {
      patch = "[{\"op\":\"test\",\"path\":\"/status/conditions/" + index + "/type\",\"value\":\"" + Readiness.GATE + "\"},"
          + "{\"op\":\"replace\",\"path\":\"/status/conditions/" + index + "\",\"value\":" + condition + "}]";
    } else if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
      patch = "[{\"op\":\"add\",\"path\":\"/status/conditions/-\",\"value\":" + condition + "}]";
    } else if (pod.getStatus() != null) {
      patch = "[{\"op\":\"add\",\"path\":\"/status/conditions\",\"value\":[" + condition + "]}]";
    } else {
      patch = "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"conditions\":[" + condition + "]}}]";
    }
    try {
      client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
          .subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || e.getCode() == 422) {
        // Gone, or changed since cached: the pod's own event brings us back with a fresh view.
        LOG.debug("Pod {} not patched: {}", pod.getMetadata().getName(), e.getMessage());
        return false;
      }
      throw e;
    }
    LOG.info("Pod {}/{}: {} = {} ({})", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), Readiness.GATE, wanted, upstream.reason());
    return true;
  }
}
