package dev.taskapp.operator.it;

import java.util.Map;
import java.util.Optional;

/**
 * Which lists of the built-in kinds a strategic merge patch merges, and by which key: the
 * {@code patchStrategy:"merge"} / {@code patchMergeKey} tags of k8s.io/api (core/v1, apps/v1) for the
 * fields the operator, the kubelet double and the tests touch. A list not named here is replaced
 * whole, as the API server replaces a list without a patch strategy (readinessGates, tolerations,
 * args, NetworkPolicy and Ingress rules...).
 */
final class PatchStrategies {

  /** A merged list of primitives (a set union, e.g. finalizers) has no key. */
  static final String PRIMITIVES = "";

  /** Lists of a PodSpec, relative to it. */
  private static final Map<String, String> POD_SPEC = Map.ofEntries(
      Map.entry("containers", "name"),
      Map.entry("initContainers", "name"),
      Map.entry("ephemeralContainers", "name"),
      Map.entry("volumes", "name"),
      Map.entry("imagePullSecrets", "name"),
      Map.entry("hostAliases", "ip"),
      Map.entry("topologySpreadConstraints", "topologyKey"),
      Map.entry("schedulingGates", "name"),
      Map.entry("resourceClaims", "name"));

  /** Lists of a Container, relative to it (volumeMounts merge by mountPath, not by name). */
  private static final Map<String, String> CONTAINER = Map.of(
      "ports", "containerPort",
      "env", "name",
      "volumeMounts", "mountPath",
      "volumeDevices", "devicePath");

  /** Lists of an ObjectMeta, relative to it. */
  private static final Map<String, String> OBJECT_META = Map.of(
      "ownerReferences", "uid",
      "finalizers", PRIMITIVES);

  /** Whole-object paths per kind. */
  private static final Map<String, Map<String, String>> BY_KIND = Map.of(
      "Pod", Map.of("status.conditions", "type", "status.podIPs", "ip", "status.hostIPs", "ip"),
      "Service", Map.of("spec.ports", "port"),
      "Deployment", Map.of("status.conditions", "type"),
      "StatefulSet", Map.of("status.conditions", "type"),
      "ReplicaSet", Map.of("status.conditions", "type"),
      "DaemonSet", Map.of("status.conditions", "type"),
      "PersistentVolumeClaim", Map.of("status.conditions", "type"),
      "Namespace", Map.of("status.conditions", "type"),
      "Node", Map.of("status.conditions", "type", "status.addresses", "type"));

  /** Where the pod spec is, per kind. */
  private static final Map<String, String> POD_SPEC_AT = Map.of(
      "Pod", "spec",
      "PodTemplate", "template.spec",
      "Deployment", "spec.template.spec",
      "StatefulSet", "spec.template.spec",
      "ReplicaSet", "spec.template.spec",
      "DaemonSet", "spec.template.spec",
      "Job", "spec.template.spec",
      "CronJob", "spec.jobTemplate.spec.template.spec");

  private PatchStrategies() {}

  /**
   * @param path field names from the object's root, list indices left out ("spec.containers.env")
   * @return the merge key of that list ({@link #PRIMITIVES} for a merged list of primitives); empty
   *     when the list is replaced whole
   */
  static Optional<String> mergeKey(String kind, String path) {
    var byKind = BY_KIND.getOrDefault(kind, Map.of()).get(path);
    if (byKind != null) {
      return Optional.of(byKind);
    }
    var meta = relative(path, "metadata");
    if (meta == null) {
      var podSpec = POD_SPEC_AT.get(kind);
      meta = podSpec == null ? null : relative(path, podSpec.substring(0, podSpec.length() - "spec".length()) + "metadata");
    }
    if (meta != null) {
      return Optional.ofNullable(OBJECT_META.get(meta));
    }
    var podSpec = POD_SPEC_AT.get(kind);
    var inPod = podSpec == null ? null : relative(path, podSpec);
    if (inPod == null) {
      return Optional.empty();
    }
    if (POD_SPEC.containsKey(inPod)) {
      return Optional.of(POD_SPEC.get(inPod));
    }
    for (var containers : new String[] {"containers.", "initContainers.", "ephemeralContainers."}) {
      if (inPod.startsWith(containers)) {
        return Optional.ofNullable(CONTAINER.get(inPod.substring(containers.length())));
      }
    }
    return Optional.empty();
  }

  private static String relative(String path, String prefix) {
    return path.startsWith(prefix + ".") ? path.substring(prefix.length() + 1) : null;
  }
}
