package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PodSpec's containers as the API server validates them, in a Pod or a workload's template: names,
 * ports, env, volume mounts, and (in {@link ResourceRules}) compute resources.
 */
final class PodSpecRules {

  private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

  private PodSpecRules() {}

  /**
   * @param at the PodSpec's path ("spec", "spec.template.spec")
   * @param checkVolumes whether each volume mount must name a volume of the pod (not for a
   *     StatefulSet's template, whose claim templates add volumes the template does not list)
   */
  static void validate(JsonNode spec, String at, boolean checkVolumes, List<FieldError> errors)
      throws Quantities.Unparseable {
    var containers = spec.path("containers");
    if (containers.isEmpty()) {
      errors.add(FieldError.required(at + ".containers", ""));
    }
    var volumes = new HashSet<String>();
    spec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
    var names = new HashSet<String>();
    for (var list : List.of("initContainers", "containers")) {
      var items = spec.path(list);
      for (int i = 0; i < items.size(); i++) {
        container(items.get(i), at + "." + list + "[" + i + "]", names, checkVolumes ? volumes : null, errors);
      }
    }
  }

  private static void container(JsonNode container, String at, Set<String> names, Set<String> volumes,
      List<FieldError> errors) throws Quantities.Unparseable {
    var name = container.path("name").asText("");
    if (name.isEmpty()) {
      errors.add(FieldError.required(at + ".name", ""));
    } else {
      NameRules.dns1123Label(name).forEach(m -> errors.add(FieldError.invalid(at + ".name", name, m)));
      if (!names.add(name)) {
        errors.add(FieldError.duplicate(at + ".name", name)); // unique across init and app containers
      }
    }
    if (container.path("image").asText("").isEmpty()) {
      errors.add(FieldError.required(at + ".image", ""));
    }
    ports(container.path("ports"), at + ".ports", errors);
    env(container.path("env"), at + ".env", errors);
    mounts(container.path("volumeMounts"), at + ".volumeMounts", volumes, errors);
    ResourceRules.requirements(container.path("resources"), at + ".resources", errors);
  }

  /** Port names are IANA_SVC_NAMEs and unique among the container's ports (validateContainerPorts). */
  private static void ports(JsonNode ports, String at, List<FieldError> errors) {
    var names = new HashSet<String>();
    for (int i = 0; i < ports.size(); i++) {
      var port = ports.get(i);
      var path = at + "[" + i + "]";
      var name = port.path("name").asText("");
      if (!name.isEmpty()) {
        var messages = NameRules.portName(name);
        messages.forEach(m -> errors.add(FieldError.invalid(path + ".name", name, m)));
        if (messages.isEmpty() && !names.add(name)) {
          errors.add(FieldError.duplicate(path + ".name", name));
        }
      }
      long number = port.path("containerPort").asLong(0);
      if (number == 0) {
        errors.add(FieldError.required(path + ".containerPort", ""));
      } else {
        NameRules.portNumber(number).forEach(m -> errors.add(FieldError.invalid(path + ".containerPort", number, m)));
      }
      protocol(port, path, errors);
    }
  }

  static void protocol(JsonNode port, String path, List<FieldError> errors) {
    var protocol = port.path("protocol").asText("");
    if (!protocol.isEmpty() && !PROTOCOLS.contains(protocol)) { // empty: defaulted to TCP before validation
      errors.add(new FieldError(FieldError.Type.NOT_SUPPORTED, path + ".protocol", protocol,
          "supported values: \"SCTP\", \"TCP\", \"UDP\""));
    }
  }

  private static void env(JsonNode env, String at, List<FieldError> errors) {
    for (int i = 0; i < env.size(); i++) {
      var path = at + "[" + i + "].name";
      var name = env.get(i).path("name").asText("");
      if (name.isEmpty()) {
        errors.add(FieldError.required(path, ""));
      } else {
        NameRules.envVarName(name).forEach(m -> errors.add(FieldError.invalid(path, name, m)));
      }
    }
  }

  private static void mounts(JsonNode mounts, String at, Set<String> volumes, List<FieldError> errors) {
    for (int i = 0; i < mounts.size(); i++) {
      var path = at + "[" + i + "]";
      var name = mounts.get(i).path("name").asText("");
      if (name.isEmpty()) {
        errors.add(FieldError.required(path + ".name", ""));
      } else if (volumes != null && !volumes.contains(name)) {
        errors.add(FieldError.notFound(path + ".name", name));
      }
      if (mounts.get(i).path("mountPath").asText("").isEmpty()) {
        errors.add(FieldError.required(path + ".mountPath", ""));
      }
    }
  }
}
