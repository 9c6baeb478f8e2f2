package dev.taskapp.operator.core;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.List;

/**
 * Probes on the same endpoints as the Compose healthchecks: readiness on the health endpoint, a
 * startup probe that gives the service its start period, and a weaker liveness probe. Readiness is
 * /api/health on the service port; startup and liveness are Actuator's liveness group, which lives
 * on the management port (no Service, Ingress or NetworkPolicy exposes it; the kubelet's probes
 * are not subject to NetworkPolicies).
 */
public final class Probes {

  public static final String HEALTH_PATH = "/api/health";
  public static final String LIVENESS_PATH = "/actuator/health/liveness";
  /** management.server.port of both services: Actuator (liveness, metrics) and nothing else. */
  public static final int MANAGEMENT_PORT = 8081;
  public static final String METRICS_PATH = "/actuator/prometheus";
  /** Start budget: failureThreshold × periodSeconds = 120 s, above the Compose start_period. */
  public static final int STARTUP_PERIOD_SECONDS = 2;
  public static final int STARTUP_FAILURE_THRESHOLD = 60;

  private Probes() {}

  public static Probe readiness(int port) {
    return new ProbeBuilder()
        .withNewHttpGet().withPath(HEALTH_PATH).withNewPort(port).endHttpGet()
        .withPeriodSeconds(5).withTimeoutSeconds(3).withFailureThreshold(3)
        .build();
  }

  /** On the management port, whatever the service port. */
  public static Probe startup() {
    int port = MANAGEMENT_PORT;
    return new ProbeBuilder()
        .withNewHttpGet().withPath(LIVENESS_PATH).withNewPort(port).endHttpGet()
        .withPeriodSeconds(STARTUP_PERIOD_SECONDS).withTimeoutSeconds(3).withFailureThreshold(STARTUP_FAILURE_THRESHOLD)
        .build();
  }

  /** On the management port, whatever the service port. */
  public static Probe liveness() {
    int port = MANAGEMENT_PORT;
    return new ProbeBuilder()
        .withNewHttpGet().withPath(LIVENESS_PATH).withNewPort(port).endHttpGet()
        .withPeriodSeconds(10).withTimeoutSeconds(5).withFailureThreshold(6)
        .build();
  }

  /** The db's readiness, the Compose healthcheck: pg_isready over TCP on the loopback (exit 0: accepting connections). */
  public static Probe pgAcceptsConnections() {
    return pgIsReady(List.of("pg_isready", "-h", "127.0.0.1"), 5, 3, 3);
  }

  /**
   * The db's startup and liveness: the server answers, if only to say that it is starting up or
   * recovering (pg_isready exits 0 or 1; 2 means no answer). A crash recovery then counts as alive,
   * as in CloudNativePG: killing it would only start it over.
   */
  public static Probe pgAnswers(int periodSeconds, int failureThreshold) {
    return pgIsReady(List.of("sh", "-c", "pg_isready -h 127.0.0.1 -t 3 >/dev/null; [ $? -le 1 ]"), periodSeconds, 5, failureThreshold);
  }

  private static Probe pgIsReady(List<String> command, int periodSeconds, int timeoutSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewExec().withCommand(command).endExec()
        .withPeriodSeconds(periodSeconds).withTimeoutSeconds(timeoutSeconds).withFailureThreshold(failureThreshold)
        .build();
  }
}
