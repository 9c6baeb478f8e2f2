package dev.taskapp.operator.faults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Pod Security Standard "restricted" (kubernetes.io/docs/concepts/security/pod-security-standards),
 * field by field, plus our own standard: read-only root filesystem, requests and limits for cpu and
 * memory, and a pinned image tag. Returns the violations, so a test can show each one is caught.
 */
final class RestrictedPodStandard {

  /** The volume types "restricted" allows. */
  private static final Set<String> VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
      "persistentVolumeClaim", "projected", "secret");
  private static final Map<String, Function<Volume, Object>> VOLUME_SOURCES = Map.ofEntries(
      Map.entry("configMap", Volume::getConfigMap), Map.entry("csi", Volume::getCsi),
      Map.entry("downwardAPI", Volume::getDownwardAPI), Map.entry("emptyDir", Volume::getEmptyDir),
      Map.entry("ephemeral", Volume::getEphemeral), Map.entry("persistentVolumeClaim", Volume::getPersistentVolumeClaim),
      Map.entry("projected", Volume::getProjected), Map.entry("secret", Volume::getSecret),
      Map.entry("hostPath", Volume::getHostPath), Map.entry("nfs", Volume::getNfs), Map.entry("iscsi", Volume::getIscsi),
      Map.entry("gitRepo", Volume::getGitRepo), Map.entry("rbd", Volume::getRbd), Map.entry("cephfs", Volume::getCephfs));

  private RestrictedPodStandard() {}

  static List<String> violations(PodSpec pod) {
    var found = new ArrayList<String>();
    var podContext = Optional.ofNullable(pod.getSecurityContext());
    check(found, !Boolean.TRUE.equals(pod.getHostNetwork()), "hostNetwork");
    check(found, !Boolean.TRUE.equals(pod.getHostPID()), "hostPID");
    check(found, !Boolean.TRUE.equals(pod.getHostIPC()), "hostIPC");
    for (var volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
      var types = VOLUME_SOURCES.entrySet().stream().filter(e -> e.getValue().apply(volume) != null).map(Map.Entry::getKey).toList();
      check(found, types.size() == 1 && VOLUME_TYPES.contains(types.getFirst()), "volume " + volume.getName() + " of type " + types);
    }
    podContext.ifPresent(c -> {
      check(found, c.getSysctls() == null || c.getSysctls().isEmpty(), "sysctls");
      check(found, c.getRunAsUser() == null || c.getRunAsUser() != 0, "pod runAsUser 0");
      check(found, c.getSeLinuxOptions() == null || c.getSeLinuxOptions().getUser() == null, "seLinuxOptions.user");
    });
    var podNonRoot = podContext.map(c -> Boolean.TRUE.equals(c.getRunAsNonRoot())).orElse(false);
    var podSeccomp = podContext.map(c -> c.getSeccompProfile() == null ? null : c.getSeccompProfile().getType());
    var containers = Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(), pod.getContainers().stream()).toList();
    for (var container : containers) {
      var where = "container " + container.getName() + ": ";
      var context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
      check(found, !Boolean.TRUE.equals(context.getPrivileged()), where + "privileged");
      check(found, Boolean.FALSE.equals(context.getAllowPrivilegeEscalation()), where + "allowPrivilegeEscalation must be false");
      check(found, Boolean.TRUE.equals(context.getRunAsNonRoot()) || (podNonRoot && !Boolean.FALSE.equals(context.getRunAsNonRoot())),
          where + "runAsNonRoot must be true");
      check(found, context.getRunAsUser() == null || context.getRunAsUser() != 0, where + "runAsUser 0");
      var seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType() : podSeccomp.orElse(null);
      check(found, "RuntimeDefault".equals(seccomp) || "Localhost".equals(seccomp), where + "seccompProfile " + seccomp);
      var capabilities = Optional.ofNullable(context.getCapabilities());
      check(found, capabilities.map(c -> c.getDrop()).orElse(List.of()).contains("ALL"), where + "capabilities must drop ALL");
      var added = capabilities.map(c -> c.getAdd()).orElse(List.of());
      check(found, added == null || added.stream().allMatch("NET_BIND_SERVICE"::equals), where + "capabilities added " + added);
      check(found, context.getProcMount() == null || "Default".equals(context.getProcMount()), where + "procMount");
      check(found, Optional.ofNullable(container.getPorts()).orElse(List.of()).stream().allMatch(p -> p.getHostPort() == null || p.getHostPort() == 0),
          where + "hostPort");
      check(found, Boolean.TRUE.equals(context.getReadOnlyRootFilesystem()), where + "readOnlyRootFilesystem (our standard)");
      resources(found, where, container);
      check(found, pinned(container.getImage()), where + "image " + container.getImage() + " is untagged or latest");
    }
    return found;
  }

  private static void resources(List<String> found, String where, Container container) {
    var resources = container.getResources();
    for (var kind : List.of("cpu", "memory")) {
      check(found, resources != null && resources.getRequests() != null && resources.getRequests().containsKey(kind), where + "no " + kind + " request");
      check(found, resources != null && resources.getLimits() != null && resources.getLimits().containsKey(kind), where + "no " + kind + " limit");
    }
  }

  /** A tag other than latest, or a digest. The tag is after the last ':' of the last path segment. */
  static boolean pinned(String image) {
    if (image == null || image.isBlank()) {
      return false;
    }
    if (image.contains("@sha256:")) {
      return true;
    }
    var lastSegment = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastSegment.lastIndexOf(':');
    return colon > 0 && !lastSegment.substring(colon + 1).equals("latest");
  }

  private static void check(List<String> found, boolean ok, String violation) {
    if (!ok) {
      found.add(violation);
    }
  }
}
