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
      var operator = TaskAppOperator.create(client, OperatorConfig.from(Map.of()), registry, Clock.systemUTC());
      try (var health = new HealthServer(0, operator, registry)) {
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
}
