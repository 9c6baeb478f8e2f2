package dev.taskapp.operator.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Services, NetworkPolicies and Ingresses: ports, selectors, rules. */
final class NetworkRules {

  private static final Set<String> PATH_TYPES = Set.of("Exact", "Prefix", "ImplementationSpecific");

  private NetworkRules() {}

  /**
   * Ports are required (but for a headless or ExternalName Service); with more than one, each needs a
   * name, and Service port names are DNS-1123 labels (not IANA_SVC_NAMEs, which target ports by name are).
   */
  static void service(JsonNode service, List<FieldError> errors) {
    var spec = service.path("spec");
    var ports = spec.path("ports");
    boolean headless = "None".equals(spec.path("clusterIP").asText(""));
    if (ports.isEmpty() && !headless && !"ExternalName".equals(spec.path("type").asText(""))) {
      errors.add(FieldError.required("spec.ports", ""));
    }
    var names = new HashSet<String>();
    for (int i = 0; i < ports.size(); i++) {
      var port = ports.get(i);
      var at = "spec.ports[" + i + "]";
      var name = port.path("name").asText("");
      if (ports.size() > 1 && name.isEmpty()) {
        errors.add(FieldError.required(at + ".name", ""));
      } else if (!name.isEmpty()) {
        NameRules.dns1123Label(name).forEach(m -> errors.add(FieldError.invalid(at + ".name", name, m)));
        if (!names.add(name)) {
          errors.add(FieldError.duplicate(at + ".name", name));
        }
      }
      long number = port.path("port").asLong(0);
      NameRules.portNumber(number).forEach(m -> errors.add(FieldError.invalid(at + ".port", number, m)));
      PodSpecRules.protocol(port, at, errors);
      var target = port.get("targetPort");
      if (target != null && !(target.isNumber() && target.asLong() == 0)) { // 0 or absent: defaulted to port
        portNumberOrName(target, at + ".targetPort", errors);
      }
    }
    MetadataRules.labels(spec.path("selector"), "spec.selector", errors);
  }

  static void networkPolicy(JsonNode policy, List<FieldError> errors) {
    var spec = policy.path("spec");
    MetadataRules.selector(spec.path("podSelector"), "spec.podSelector", errors);
    for (var direction : List.of("ingress", "egress")) {
      var rules = spec.path(direction);
      var peers = direction.equals("ingress") ? "from" : "to";
      for (int i = 0; i < rules.size(); i++) {
        var at = "spec." + direction + "[" + i + "]";
        var ports = rules.get(i).path("ports");
        for (int j = 0; j < ports.size(); j++) {
          var port = ports.get(j);
          PodSpecRules.protocol(port, at + ".ports[" + j + "]", errors);
          if (port.has("port")) {
            portNumberOrName(port.get("port"), at + ".ports[" + j + "].port", errors);
          }
        }
        var list = rules.get(i).path(peers);
        for (int j = 0; j < list.size(); j++) {
          var peer = list.get(j);
          var peerAt = at + "." + peers + "[" + j + "]";
          if (!peer.has("podSelector") && !peer.has("namespaceSelector") && !peer.has("ipBlock")) {
            errors.add(FieldError.required(peerAt, "must specify a peer"));
          }
          if (peer.has("podSelector")) {
            MetadataRules.selector(peer.get("podSelector"), peerAt + ".podSelector", errors);
          }
          if (peer.has("namespaceSelector")) {
            MetadataRules.selector(peer.get("namespaceSelector"), peerAt + ".namespaceSelector", errors);
          }
        }
      }
    }
  }

  static void ingress(JsonNode ingress, List<FieldError> errors) {
    var spec = ingress.path("spec");
    var rules = spec.path("rules");
    for (int i = 0; i < rules.size(); i++) {
      var at = "spec.rules[" + i + "]";
      var host = rules.get(i).path("host").asText("");
      if (!host.isEmpty()) {
        if (host.matches("[0-9.]+") || host.contains(":")) {
          errors.add(FieldError.invalid(at + ".host", host, "must be a DNS name, not an IP address"));
        } else {
          var name = host.startsWith("*.") ? host.substring(2) : host; // a wildcard host: its rest is a subdomain
          NameRules.dns1123Subdomain(name).forEach(m -> errors.add(FieldError.invalid(at + ".host", host, m)));
        }
      }
      if (rules.get(i).has("http")) {
        paths(rules.get(i).path("http").path("paths"), at + ".http.paths", errors);
      }
    }
    if (spec.has("defaultBackend")) {
      backend(spec.get("defaultBackend"), "spec.defaultBackend", errors);
    }
  }

  private static void paths(JsonNode paths, String at, List<FieldError> errors) {
    if (paths.isEmpty()) {
      errors.add(FieldError.required(at, ""));
    }
    for (int j = 0; j < paths.size(); j++) {
      var path = paths.get(j);
      var pathAt = at + "[" + j + "]";
      var type = path.path("pathType").asText("");
      var value = path.path("path").asText("");
      if (type.isEmpty()) {
        errors.add(FieldError.required(pathAt + ".pathType", "pathType must be specified"));
      } else if (!PATH_TYPES.contains(type)) {
        errors.add(new FieldError(FieldError.Type.NOT_SUPPORTED, pathAt + ".pathType", type,
            "supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\""));
      } else if (!type.equals("ImplementationSpecific") && !value.startsWith("/")) {
        errors.add(FieldError.invalid(pathAt + ".path", value, "must be an absolute path"));
      }
      backend(path.path("backend"), pathAt + ".backend", errors);
    }
  }

  private static void backend(JsonNode backend, String at, List<FieldError> errors) {
    var service = backend.get("service");
    if (service == null) {
      if (!backend.has("resource")) {
        errors.add(FieldError.invalid(at, backend.toString(), "resource or service backend is required"));
      }
      return;
    }
    var name = service.path("name").asText("");
    NameRules.dns1035Label(name).forEach(m -> errors.add(FieldError.invalid(at + ".service.name", name, m)));
    var port = service.path("port");
    boolean named = !port.path("name").asText("").isEmpty();
    boolean numbered = port.path("number").asLong(0) != 0;
    if (named && numbered) {
      errors.add(FieldError.invalid(at + ".service.port", port.toString(), "cannot set both port name & port number"));
    } else if (named) {
      NameRules.portName(port.get("name").asText())
          .forEach(m -> errors.add(FieldError.invalid(at + ".service.port.name", port.get("name").asText(), m)));
    } else if (numbered) {
      NameRules.portNumber(port.get("number").asLong())
          .forEach(m -> errors.add(FieldError.invalid(at + ".service.port.number", port.get("number").asLong(), m)));
    } else {
      errors.add(FieldError.required(at + ".service.port", "port name or number is required"));
    }
  }

  /** ValidatePortNumOrName: a number in range, or an IANA_SVC_NAME. */
  private static void portNumberOrName(JsonNode port, String at, List<FieldError> errors) {
    if (port.isNumber()) {
      NameRules.portNumber(port.asLong()).forEach(m -> errors.add(FieldError.invalid(at, port.asLong(), m)));
    } else {
      NameRules.portName(port.asText()).forEach(m -> errors.add(FieldError.invalid(at, port.asText(), m)));
    }
  }
}
