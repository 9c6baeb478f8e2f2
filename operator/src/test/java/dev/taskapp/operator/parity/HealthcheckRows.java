package dev.taskapp.operator.parity;

import static dev.taskapp.operator.parity.ComposeFile.seconds;
import static dev.taskapp.operator.parity.ParityRow.Parity.MAPPED;

import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.List;
import java.util.Optional;

/**
 * The rows of a service's `healthcheck` keys: Compose's check against the pod's readiness and
 * startup probes (same endpoint, comparable timing).
 */
final class HealthcheckRows {

  private final ComposeFile compose;
  private final RenderedTaskApp k8s;

  HealthcheckRows(ComposeFile compose, RenderedTaskApp k8s) {
    this.compose = compose;
    this.k8s = k8s;
  }

  ParityRow row(Tier tier, String key) {
    var path = "services." + tier.component() + ".healthcheck." + key;
    var check = compose.healthcheck(tier.component());
    var container = k8s.container(tier);
    var where = k8s.name(k8s.workload(tier)) + ": containers[" + container.getName() + "].";
    var readiness = container.getReadinessProbe();
    var startup = container.getStartupProbe();
    var value = String.valueOf(check.get(key));
    return switch (key) {
      case "test" -> ParityRow.mapped(path, endpoint(check.get("test")), where + "readinessProbe", endpoint(readiness),
          tier == Tier.DATABASE ? "the startup and liveness probes run it too but also accept a server that answers while it"
              + " recovers (exit 1): startup within 1 h, as CloudNativePG; liveness restarts one that does not answer for 30 s"
              : "the endpoint of the DESIGN.md contract; the startup and liveness probes use /actuator/health/liveness on the"
                  + " management port " + dev.taskapp.operator.core.Probes.MANAGEMENT_PORT + ", which Compose does not publish");
      case "timeout" -> ParityRow.related(path, (long) seconds(value) + "s", where + "readinessProbe.timeoutSeconds",
          readiness.getTimeoutSeconds() + "s", MAPPED, "Compose's ≥ Kubernetes'", seconds(value) >= readiness.getTimeoutSeconds(),
          "a Compose check retries for ~3 s within its timeout; a Kubernetes probe is one attempt");
      case "interval" -> ParityRow.approximated(path, value, where + "startupProbe / readinessProbe .periodSeconds",
          startup.getPeriodSeconds() + "s while starting, " + readiness.getPeriodSeconds() + "s after",
          "Compose checks every second (the db every 0.5 s), retrying within a check, so each tier starts right after"
              + " the one below; Kubernetes probes every 2 s while starting and every 5 s after, to keep the kubelet's load low");
      case "retries" -> ParityRow.approximated(path, value, where + "readinessProbe.failureThreshold", readiness.getFailureThreshold(),
          "about the same time to notice a failure (3 checks of up to 5 s, 1 s apart ↔ 3 × 5 s); an unready pod only"
              + " leaves its Service, it is not restarted");
      case "start_period" -> {
        var budget = budget(startup);
        yield ParityRow.related(path, (long) seconds(value) + "s",
            where + "startupProbe failureThreshold × periodSeconds + initialDelaySeconds", budget + "s",
            MAPPED, "start_period ≤ the startup probe's budget", seconds(value) <= budget, "");
      }
      default -> ParityTable.unmapped(path, value);
    };
  }

  /**
   * "GET :5000/api/health" for an HTTP check, "pg_isready -h 127.0.0.1" for the db's; of a shell check
   * that retries (`for …; do COMMAND && exit 0; …; done`), what COMMAND checks.
   */
  @SuppressWarnings("unchecked")
  static String endpoint(Object composeTest) {
    var test = composeTest instanceof List<?> list ? (List<String>) list : List.of("CMD-SHELL", String.valueOf(composeTest));
    var words = test.getFirst().equals("CMD-SHELL") ? List.of(test.get(1).split("\\s+")) : test.subList(1, test.size());
    if (words.contains("do")) {
      words = words.subList(words.indexOf("do") + 1, words.contains("&&") ? words.indexOf("&&") : words.size());
    }
    var url = words.stream().filter(w -> w.startsWith("http://")).findFirst();
    if (url.isPresent()) {
      var uri = java.net.URI.create(url.get());
      return "GET :" + uri.getPort() + uri.getPath();
    }
    return command(words);
  }

  static String endpoint(Probe probe) {
    if (probe.getHttpGet() != null) {
      return "GET :" + probe.getHttpGet().getPort().getIntVal() + probe.getHttpGet().getPath();
    }
    return command(probe.getExec().getCommand());
  }

  /** A command's program and the host it checks (-h), which is what the check means. */
  private static String command(List<String> words) {
    var host = words.indexOf("-h");
    return words.getFirst() + (host >= 0 && host + 1 < words.size() ? " -h " + words.get(host + 1) : "");
  }

  static int budget(Probe startup) {
    return startup.getFailureThreshold() * startup.getPeriodSeconds() + Optional.ofNullable(startup.getInitialDelaySeconds()).orElse(0);
  }

}
