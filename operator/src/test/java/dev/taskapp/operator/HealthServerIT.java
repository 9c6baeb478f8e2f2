package dev.taskapp.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.it.MockCluster;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's /healthz, /readyz and /metrics, as its Deployment's probes and Prometheus use them. */
class HealthServerIT {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersProbesAndServesJosdkMetrics() throws Exception {
    try (var cluster = new MockCluster(); var client = cluster.newClient()) {
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      var config = OperatorConfig.from(Map.of());
      var leadership = new Leadership(config.leaseIdentity());
      var operator = TaskAppOperator.create(client, config, registry, Clock.systemUTC(), leadership);
      try (var health = new HealthServer(0, operator, leadership, registry)) {
        health.start();
        assertThat(get(health.port(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(health.port(), "/readyz").statusCode()).as("not started yet").isEqualTo(503);

        operator.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> get(health.port(), "/readyz").statusCode() == 200);
        client.resource(TestTaskApps.minimal("metrics")).create();
        await().atMost(Duration.ofSeconds(10))
            .until(() -> get(health.port(), "/metrics").body().contains("operator_sdk_reconciliations_started_total"));
        assertThat(get(health.port(), "/metrics").headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
      } finally {
        operator.stop();
      }
    }
  }

  /**
   * A leader that loses its Lease (here: someone else takes it) stops reconciling and fails both
   * probes, so the kubelet restarts it; a standby is ready (its informers are synced) and alive.
   */
  @Test
  void aLostLeaseFailsTheProbesAndStopsReconcilingAStandbyIsReady() throws Exception {
    var env = new java.util.HashMap<>(dev.taskapp.operator.it.LeaderHandOverIT.env("leader"));
    try (var cluster = new MockCluster(); var leaderClient = cluster.newClient(); var standbyClient = cluster.newClient()) {
      var leader = new Replica(leaderClient, env);
      env.put("POD_NAME", "standby");
      var standby = new Replica(standbyClient, env);
      try (leader; standby) {
        await().atMost(Duration.ofSeconds(10)).until(() -> leader.leadership.leading());
        await().atMost(Duration.ofSeconds(10)).until(() -> get(standby.health.port(), "/readyz").statusCode() == 200);
        assertThat(get(leader.health.port(), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(standby.health.port(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(standby.leadership.leading()).isFalse();

        cluster.client().leases().inNamespace("taskapp-system").withName("taskapp-operator").edit(lease -> {
          lease.getSpec().setHolderIdentity("intruder");
          lease.getSpec().setLeaseDurationSeconds(600);
          lease.getSpec().setRenewTime(java.time.ZonedDateTime.now());
          return lease;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> get(leader.health.port(), "/healthz").statusCode() == 503);
        assertThat(get(leader.health.port(), "/readyz").statusCode()).isEqualTo(503);
        assertThat(leader.leadership.lost()).isTrue();
        await("no more reconciling").atMost(Duration.ofSeconds(15)).until(() -> !leader.operator.getRuntimeInfo().isStarted());
        assertThat(get(standby.health.port(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(standby.health.port(), "/readyz").statusCode()).isEqualTo(200);
      }
    }
  }

  private static final class Replica implements AutoCloseable {
    final Leadership leadership;
    final io.javaoperatorsdk.operator.Operator operator;
    final HealthServer health;

    Replica(io.fabric8.kubernetes.client.KubernetesClient client, Map<String, String> env) {
      var config = OperatorConfig.from(env);
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      leadership = new Leadership(config.leaseIdentity());
      operator = TaskAppOperator.create(client, config, registry, Clock.systemUTC(), leadership);
      health = new HealthServer(0, operator, leadership, registry);
      health.start();
      operator.start();
    }

    @Override
    public void close() {
      operator.stop();
      health.close();
    }
  }
}
