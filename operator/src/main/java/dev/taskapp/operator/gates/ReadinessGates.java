package dev.taskapp.operator.gates;

import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.Readiness;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
    return conditions(pod).stream()
        .filter(c -> Readiness.GATE.equals(c.getType())).findFirst()
        .map(c -> c.getStatus() + "/" + c.getReason());
  }

  /**
   * Sets each pod's gate from the tier its own tier is gated on ({@link Tier#gatedOn()}).
   * @param serving whether each upstream tier serves, and why not
   * @return the pods whose gate could not be written, with the API server's reason: the caller
   *     retries them (a refused write is not followed by any pod event that would bring us back)
   */
  public List<String> sync(KubernetesClient client, List<Pod> pods, Map<Tier, Upstream> serving) {
    var failed = new ArrayList<String>();
    for (var pod : pods) {
      var component = pod.getMetadata().getLabels().get(Labels.COMPONENT);
      var upstream = Arrays.stream(Tier.values()).filter(t -> t.component().equals(component)).findFirst()
          .flatMap(Tier::gatedOn).map(serving::get).orElse(null);
      if (upstream == null || pod.getMetadata().getDeletionTimestamp() != null || isSet(pod, upstream)) {
        continue;
      }
      try {
        patch(client, pod, upstream);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) { // a pod gone needs no gate
          failed.add("pod " + pod.getMetadata().getName() + ": " + e.getMessage());
        }
      }
    }
    return failed;
  }

  private static List<PodCondition> conditions(Pod pod) {
    return Optional.ofNullable(pod.getStatus()).map(PodStatus::getConditions).orElse(List.of());
  }

  private static boolean isSet(Pod pod, Upstream upstream) {
    return gateOf(pod).filter(gate -> gate.equals((upstream.serving() ? "True" : "False") + "/" + upstream.reason())).isPresent();
  }

  /**
   * A strategic merge patch of pods/status: the API server merges status.conditions by type, so
   * this writes our condition whatever the list holds now, never a second copy of it, and leaves
   * the kubelet's conditions alone.
   */
  private void patch(KubernetesClient client, Pod pod, Upstream upstream) {
    var wanted = upstream.serving() ? "True" : "False";
    // The time moves only when the status flips, as for every Kubernetes condition.
    var since = conditions(pod).stream().filter(c -> Readiness.GATE.equals(c.getType()) && wanted.equals(c.getStatus()))
        .map(PodCondition::getLastTransitionTime).findFirst()
        .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    var condition = new PodConditionBuilder().withType(Readiness.GATE).withStatus(wanted)
        .withReason(upstream.reason()).withMessage(upstream.message()).withLastTransitionTime(since).build();
    var patch = Map.of("status", Map.of("conditions", List.of(condition)));
    client.pods().resource(pod).subresource("status").patch(PatchContext.of(PatchType.STRATEGIC_MERGE), Serialization.asJson(patch));
    LOG.info("Pod {}/{}: {} = {} ({})", pod.getMetadata().getNamespace(), pod.getMetadata().getName(), Readiness.GATE, wanted, upstream.reason());
  }
}
