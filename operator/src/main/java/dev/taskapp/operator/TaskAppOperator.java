package dev.taskapp.operator;

import dev.taskapp.operator.reconciler.TaskAppReconciler;
import dev.taskapp.operator.render.RenderCommand;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operator process: configuration from the environment, wired by hand, started. */
public final class TaskAppOperator {

  private static final Logger LOG = LoggerFactory.getLogger(TaskAppOperator.class);

  private TaskAppOperator() {}

  /** No arguments: run the operator. {@code render ...}: print a TaskApp's objects (see {@link RenderCommand}). */
  public static void main(String[] args) {
    if (args.length > 0) {
      System.exit(RenderCommand.commandLine(args));
    }
    var config = OperatorConfig.fromEnvironment();
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var leadership = new Leadership(config.leaseIdentity());
    var operator = create(new KubernetesClientBuilder().build(), config, registry, Clock.systemUTC(), leadership);
    var health = new HealthServer(config.healthPort(), operator, leadership, registry);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      operator.stop();
      health.close();
    }, "shutdown"));
    health.start();
    try {
      operator.start();
    } catch (RuntimeException e) {
      // The health server's thread would keep a process that does nothing alive (and /healthz at 200).
      LOG.error("The operator could not start", e);
      System.exit(1);
    }
    LOG.info("TaskApp operator {} started; watching {}; health on :{}", config.defaults().version(),
        config.watchesAllNamespaces() ? "all namespaces" : config.namespaces(), health.port());
  }

  /**
   * The operator as production and the tests run it. One patch mode everywhere: plain
   * create/update (no server-side apply), which every API server, fabric8's mock included, supports.
   */
  public static Operator create(KubernetesClient client, OperatorConfig config, MeterRegistry registry, Clock clock,
      Leadership leadership) {
    Consumer<ConfigurationServiceOverrider> overrides = o -> {
      o.withKubernetesClient(client)
          .withSSABasedCreateUpdateMatchForDependentResources(false)
          .withUseSSAToPatchPrimaryResource(false)
          .withMetrics(MicrometerMetrics.newMicrometerMetricsBuilder(registry).collectingMetricsPerResource().build())
          .withReconciliationTerminationTimeout(config.reconciliationTimeout())
          .withConcurrentReconciliationThreads(config.reconciliationThreads())
          .withConcurrentWorkflowExecutorThreads(config.reconciliationThreads())
          .withCloseClientOnStop(false);
      if (config.leaderElection()) {
        o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder
            .aLeaderElectionConfiguration(config.leaseName())
            .withLeaseNamespace(config.leaseNamespace())
            .withIdentity(leadership.identity())
            .withLeaseDuration(config.lease().duration())
            .withRenewDeadline(config.lease().renewDeadline())
            .withRetryPeriod(config.lease().retryPeriod())
            .withLeaderCallbacks(leadership.callbacks())
            // Leadership acts on a loss; JOSDK's exit would also fire on our own stop, where
            // System.exit inside the shutdown hook blocks forever.
            .withExitOnStopLeading(false)
            .build());
      }
    };
    var operator = new Operator(overrides) {
      @Override
      public void stop() {
        leadership.stepDown();
        super.stop();
        if (config.leaderElection()) {
          leadership.release(client, config.leaseNamespace(), config.leaseName());
        }
      }
    };
    // Off a fresh thread: the callback runs on the elector's executor, which stopping the operator shuts down.
    leadership.whenLost(config.exitOnLostLeadership()
        ? () -> new Thread(() -> System.exit(1), "exit-on-lost-lease").start()
        : () -> new Thread(operator::stop, "stop-on-lost-lease").start());
    operator.register(new TaskAppReconciler(clock), controller -> {
      if (!config.watchesAllNamespaces()) {
        controller.settingNamespaces(config.namespaces());
      }
    });
    return operator;
  }
}
