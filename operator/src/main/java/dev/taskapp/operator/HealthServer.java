package dev.taskapp.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * /healthz (liveness: fails when a restart is the cure: an informer stopped, the Lease lost),
 * /readyz (the leader, or a standby whose informers are synced and watching, ready to take over) and
 * /metrics (Prometheus).
 */
final class HealthServer implements AutoCloseable {

  private final HttpServer server;

  HealthServer(int port, Operator operator, Leadership leadership, PrometheusMeterRegistry registry) {
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on port " + port, e);
    }
    var started = new AtomicBoolean();
    server.createContext("/healthz", exchange -> probe(exchange, () -> {
      boolean running = operator.getRuntimeInfo().isStarted();
      started.compareAndSet(false, running);
      // Still starting (the startup probe's time), or running with every informer running.
      return !leadership.lost() && (running ? informersRunning(operator) : !started.get());
    }));
    server.createContext("/readyz", exchange -> probe(exchange, () -> !leadership.lost()
        && operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy()));
    server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
  }

  /** A watch that reconnects makes an informer unhealthy (not ready), not stopped: only a stopped one fails liveness. */
  private static boolean informersRunning(Operator operator) {
    return operator.getRuntimeInfo().unhealthyInformerWrappingEventSourceHealthIndicator().values().stream()
        .flatMap(sources -> sources.values().stream())
        .flatMap(source -> source.informerHealthIndicators().values().stream())
        .allMatch(informer -> ((InformerHealthIndicator) informer).isRunning()); // JOSDK returns raw types
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange exchange, BooleanSupplier healthy) throws IOException {
    boolean ok = healthy.getAsBoolean();
    respond(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "not ready\n");
  }

  private static void respond(HttpExchange exchange, int code, String type, String body) throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
