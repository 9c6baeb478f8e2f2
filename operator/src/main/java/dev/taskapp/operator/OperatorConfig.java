package dev.taskapp.operator;

import dev.taskapp.operator.core.Defaults;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's settings, read from its environment.
 *
 * @param namespaces where TaskApps are watched; empty means all namespaces
 * @param leaderElection whether to take a Lease before reconciling (on when more than one replica may run)
 * @param leaseNamespace where the Lease lives (the operator's own namespace)
 * @param exitOnLostLeadership end the process when the Lease is lost, so Kubernetes restarts it as a follower
 * @param healthPort port of /healthz, /readyz and /metrics
 * @param reconciliationThreads TaskApps reconciled at once (JOSDK's default of 50 is sized for big machines)
 */
public record OperatorConfig(
    Set<String> namespaces,
    Defaults defaults,
    boolean leaderElection,
    String leaseName,
    String leaseNamespace,
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
        Boolean.parseBoolean(env.getOrDefault("EXIT_ON_LOST_LEADERSHIP", "true")),
        Integer.parseInt(env.getOrDefault("HEALTH_PORT", "8080")),
        Integer.parseInt(env.getOrDefault("RECONCILIATION_THREADS", "10")),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("RECONCILIATION_TIMEOUT_SECONDS", "10"))));
  }

  public static OperatorConfig fromEnvironment() {
    return from(System.getenv());
  }

  public boolean watchesAllNamespaces() {
    return namespaces.isEmpty();
  }
}
