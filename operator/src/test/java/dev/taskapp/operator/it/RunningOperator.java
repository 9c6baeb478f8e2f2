package dev.taskapp.operator.it;

import dev.taskapp.operator.Leadership;
import dev.taskapp.operator.OperatorConfig;
import dev.taskapp.operator.TaskAppOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;

/** The real operator, wired as in production, against the mock cluster; counts its reconciliations. */
public final class RunningOperator implements AutoCloseable {

  private final KubernetesClient client;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Operator operator;
  private final Leadership leadership;

  public RunningOperator(MockCluster cluster) {
    this(cluster, Map.of());
  }

  /** @param env the operator's environment (see OperatorConfig) */
  public RunningOperator(MockCluster cluster, Map<String, String> env) {
    client = cluster.operatorClient();
    var config = OperatorConfig.from(env);
    leadership = new Leadership(config.leaseIdentity());
    operator = TaskAppOperator.create(client, config, registry, Clock.systemUTC(), leadership);
    operator.start();
  }

  /** Reconciliations started so far, from JOSDK's own Micrometer metrics. */
  public long reconciliations() {
    return (long) registry.find("operator.sdk.reconciliations.started").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  /**
   * Reconciliations of one TaskApp: another test's TaskApp that the cluster refuses is retried for as
   * long as it exists, and must not count here.
   */
  public long reconciliationsOf(String name) {
    return (long) registry.find("operator.sdk.reconciliations.started").tag("name", name).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  /** Reconciliations that ended in an exception (and so were retried), from JOSDK's metrics. */
  public long failedReconciliations() {
    return (long) registry.find("operator.sdk.reconciliations.failed").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  public Operator operator() {
    return operator;
  }

  public Leadership leadership() {
    return leadership;
  }

  @Override
  public void close() {
    operator.stop();
    client.close();
  }
}
