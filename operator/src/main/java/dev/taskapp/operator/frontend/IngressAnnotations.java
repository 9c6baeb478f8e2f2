package dev.taskapp.operator.frontend;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Ingress annotations that come from spec.frontend.ingress.annotations. JOSDK's update merges
 * annotations into the live object, and Ingress controllers (GKE's, for one) write their own, so the
 * keys taken from the spec are recorded on the Ingress: a key the spec drops is then removed, and
 * annotations others wrote are left alone.
 */
final class IngressAnnotations {

  static final String RECORD = "taskapp.dev/spec-annotations";

  private IngressAnnotations() {}

  /** The spec's annotations plus the record of their keys (always present, so a removal shows as a change). */
  static Map<String, String> desired(Map<String, String> fromSpec) {
    var annotations = new TreeMap<>(Optional.ofNullable(fromSpec).orElse(Map.of()));
    annotations.put(RECORD, String.join(",", annotations.keySet()));
    return annotations;
  }

  /** The live Ingress without the annotations the spec gave earlier and no longer gives. */
  static Ingress withoutDropped(Ingress actual, Ingress desired) {
    var live = Optional.ofNullable(actual.getMetadata().getAnnotations()).orElse(Map.of());
    var wanted = desired.getMetadata().getAnnotations().keySet();
    Set<String> dropped = Arrays.stream(live.getOrDefault(RECORD, "").split(","))
        .filter(key -> !key.isEmpty() && !wanted.contains(key)).collect(Collectors.toSet());
    if (dropped.isEmpty()) {
      return actual;
    }
    var kept = new TreeMap<>(live);
    kept.keySet().removeAll(dropped);
    return new IngressBuilder(actual).editMetadata().withAnnotations(kept).endMetadata().build();
  }
}
