package dev.taskapp.operator.parity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Compose reads it: YAML merge keys applied (SnakeYAML does that), then every
 * string interpolated from the variables of .env.example, with Compose's ${VAR}, ${VAR:-default},
 * ${VAR-default}, ${VAR:?error}, ${VAR?error} and $$ forms.
 */
record ComposeFile(Map<String, Object> root) {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  static ComposeFile read(Path compose, Path envFile) throws IOException {
    Map<String, Object> raw = new Yaml().load(Files.readString(compose));
    return new ComposeFile(interpolate(raw, env(Files.readAllLines(envFile))));
  }

  /** KEY=VALUE lines; comments and blank lines skipped, as Compose reads an .env file. */
  static Map<String, String> env(List<String> lines) {
    var env = new LinkedHashMap<String, String>();
    for (var line : lines) {
      var trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
        env.put(trimmed.substring(0, trimmed.indexOf('=')).strip(), trimmed.substring(trimmed.indexOf('=') + 1).strip());
      }
    }
    return env;
  }

  @SuppressWarnings("unchecked")
  static <T> T interpolate(T value, Map<String, String> env) {
    if (value instanceof String text) {
      return (T) interpolate(text, env);
    }
    if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), interpolate(v, env)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      var copy = new ArrayList<Object>();
      list.forEach(v -> copy.add(interpolate(v, env)));
      return (T) copy;
    }
    return value;
  }

  static String interpolate(String text, Map<String, String> env) {
    Matcher m = VARIABLE.matcher(text);
    var out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().equals("$$")) {
        replacement = "$";
      } else if (m.group(4) != null) {
        replacement = env.getOrDefault(m.group(4), "");
      } else {
        var value = env.get(m.group(1));
        var operator = m.group(2);
        var unsetOrEmpty = value == null || (operator != null && operator.startsWith(":") && value.isEmpty());
        if (operator == null) {
          replacement = value == null ? "" : value;
        } else if (operator.endsWith("-")) {
          replacement = unsetOrEmpty ? m.group(3) : value;
        } else if (unsetOrEmpty) {
          throw new IllegalArgumentException("required variable " + m.group(1) + " is not set: " + m.group(3));
        } else {
          replacement = value;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> services() {
    return (Map<String, Object>) root.getOrDefault("services", Map.of());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> service(String name) {
    return (Map<String, Object>) services().getOrDefault(name, Map.of());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> healthcheck(String service) {
    return (Map<String, Object>) service(service).getOrDefault("healthcheck", Map.of());
  }

  /** A list-valued key; a missing key is an empty list. */
  @SuppressWarnings("unchecked")
  List<String> strings(String service, String key) {
    var value = service(service).get(key);
    if (value instanceof Map<?, ?> map) {
      return new ArrayList<>((java.util.Set<String>) map.keySet()); // networks / depends_on in long form
    }
    return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
  }

  Optional<String> string(String service, String key) {
    return Optional.ofNullable(service(service).get(key)).map(String::valueOf);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> mapAt(String topLevelKey) {
    var value = root.get(topLevelKey);
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  /** The services on a network, sorted. */
  List<String> membersOf(String network) {
    return services().keySet().stream().filter(s -> networks(s).contains(network)).sorted().toList();
  }

  /** "db (healthy)" for depends_on: db: condition: service_healthy; "(started)" otherwise. */
  @SuppressWarnings("unchecked")
  List<String> dependsOn(String service) {
    var value = service(service).get("depends_on");
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> e.getKey() + (e.getValue() instanceof Map<?, ?> m
          && "service_healthy".equals(m.get("condition")) ? " (healthy)" : " (started)")).sorted().toList();
    }
    return strings(service, "depends_on").stream().map(s -> s + " (started)").sorted().toList();
  }

  /** Environment variable names, from the map or the list (KEY=VALUE) form. */
  List<String> environmentNames(String service) {
    var env = service(service).get("environment");
    if (env instanceof Map<?, ?> map) {
      return map.keySet().stream().map(String::valueOf).sorted().toList();
    }
    return strings(service, "environment").stream().map(e -> e.split("=", 2)[0]).sorted().toList();
  }

  /** The networks a service joins ("default" when it names none, as Compose does). */
  List<String> networks(String service) {
    var networks = strings(service, "networks");
    return networks.isEmpty() ? List.of("default") : networks;
  }

  /** The container side of each ports entry ("[ip:][host:]container[/proto]"). */
  List<Integer> containerPorts(String service) {
    return strings(service, "ports").stream().map(p -> {
      var parts = p.split("/")[0].split(":");
      return Integer.parseInt(parts[parts.length - 1]);
    }).toList();
  }

  /** Seconds of a Compose duration such as 1s, 1m30s or 500ms. */
  static double seconds(String duration) {
    var m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|h|m|s)").matcher(duration);
    double total = 0;
    while (m.find()) {
      var n = Double.parseDouble(m.group(1));
      total += switch (m.group(2)) {
        case "h" -> n * 3600;
        case "m" -> n * 60;
        case "ms" -> n / 1000;
        case "us" -> n / 1_000_000;
        default -> n;
      };
    }
    return total;
  }
}
