package dev.taskapp.operator;

import dev.taskapp.operator.core.Defaults;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The operator's settings, read from its environment.
 *
 * @param namespaces where TaskApps are watched; empty means all namespaces
 * @param leaderElection whether to take a Lease before reconciling (on when more than one replica may run)
 * @param leaseNamespace where the Lease lives (the operator's own namespace)
 * @param leaseIdentity who holds the Lease: the pod's name (POD_NAME, else HOSTNAME), unique per replica
 * @param lease how long a Lease holds, the leader's deadline to renew it and the retry period; the
 *     JOSDK/client-go defaults (15 s, 10 s, 2 s) unless LEASE_DURATION_SECONDS, RENEW_DEADLINE_SECONDS,
 *     RETRY_PERIOD_SECONDS say otherwise (tests shorten them)
 * @param exitOnLostLeadership end the process when the Lease is lost, so Kubernetes restarts it as a
 *     standby. When false the operator still stops reconciling at once and /healthz fails, so the
 *     kubelet restarts it: never two replicas reconciling (see {@link Leadership})
 * @param healthPort port of /healthz, /readyz and /metrics
 * @param reconciliationThreads TaskApps reconciled at once (JOSDK's default of 50 is sized for big machines)
 */
public record OperatorConfig(
    Set<String> namespaces,
    Defaults defaults,
    boolean leaderElection,
    String leaseName,
    String leaseNamespace,
    String leaseIdentity,
    LeaseTiming lease,
    boolean exitOnLostLeadership,
    int healthPort,
    int reconciliationThreads,
    Duration reconciliationTimeout) {

  public static OperatorConfig from(Map<String, String> env) {
    var namespaces = Arrays.stream(env.getOrDefault("WATCH_NAMESPACES", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    return new OperatorConfig(
        namespaces,
        Defaults.from(env),
        Boolean.parseBoolean(env.getOrDefault("LEADER_ELECTION", "false")),
        env.getOrDefault("LEASE_NAME", "taskapp-operator"),
        Optional.ofNullable(env.get("LEASE_NAMESPACE")).orElse(env.getOrDefault("POD_NAMESPACE", "taskapp-system")),
        Optional.ofNullable(env.get("POD_NAME")).or(() -> Optional.ofNullable(env.get("HOSTNAME")))
            .orElseGet(() -> UUID.randomUUID().toString()),
        new LeaseTiming(seconds(env, "LEASE_DURATION_SECONDS", 15), seconds(env, "RENEW_DEADLINE_SECONDS", 10),
            seconds(env, "RETRY_PERIOD_SECONDS", 2)),
        Boolean.parseBoolean(env.getOrDefault("EXIT_ON_LOST_LEADERSHIP", "true")),
        Integer.parseInt(env.getOrDefault("HEALTH_PORT", "8080")),
        Integer.parseInt(env.getOrDefault("RECONCILIATION_THREADS", "10")),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("RECONCILIATION_TIMEOUT_SECONDS", "10"))));
  }

  /** A renew deadline shorter than the Lease: the leader gives up before anyone else may take over. */
  public record LeaseTiming(Duration duration, Duration renewDeadline, Duration retryPeriod) {
    public LeaseTiming {
      if (renewDeadline.compareTo(duration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
        throw new IllegalArgumentException("Need retry period < renew deadline < lease duration, got "
            + retryPeriod.toSeconds() + " s, " + renewDeadline.toSeconds() + " s, " + duration.toSeconds() + " s");
      }
    }
  }

  private static Duration seconds(Map<String, String> env, String name, long fallback) {
    return Duration.ofSeconds(Long.parseLong(env.getOrDefault(name, String.valueOf(fallback))));
  }

  public static OperatorConfig fromEnvironment() {
    return from(System.getenv());
  }

  public boolean watchesAllNamespaces() {
    return namespaces.isEmpty();
  }
}
