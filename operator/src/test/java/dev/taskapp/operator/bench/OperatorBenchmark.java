package dev.taskapp.operator.bench;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import dev.taskapp.operator.it.KubeletDouble;
import dev.taskapp.operator.it.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Prints how fast the operator brings TaskApps to Ready against the mock API server and the
 * kubelet double (simulated pods start at once), and what it costs. The operator runs as its own
 * process, with the JVM flags below, so its RSS is its own. Not part of the test run:
 * <pre>./mvnw -pl operator -Pbench test-compile exec:exec</pre>
 */
public final class OperatorBenchmark {

  /** Flags for a small container: override with -Dbench.jvmFlags="..." to compare. */
  static final List<String> JVM_FLAGS = List.of(System.getProperty("bench.jvmFlags",
      "-XX:+UseSerialGC -Xmx128m -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1").split(" "));
  static final int MANY = Integer.getInteger("bench.taskapps", 100);

  public static void main(String[] args) throws Exception {
    try (var cluster = new MockCluster(); var kubelet = new KubeletDouble(cluster.client())) {
      var client = cluster.client();
      var operator = startOperator(cluster);
      try {
        System.out.printf("Operator process %d started (%s)%n", operator.process.pid(), String.join(" ", JVM_FLAGS));

        var singles = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
          long start = System.nanoTime();
          client.resource(TestTaskApps.minimal("single-" + i)).create();
          while (!ready(client, "single-" + i)) {
            Thread.sleep(5);
          }
          singles.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("Create -> Ready, one TaskApp (5 runs): %s ms (target <= 2000 ms)%n", singles);

        long before = reconciliations(operator.metricsPort);
        long start = System.nanoTime();
        for (int i = 0; i < MANY; i++) {
          client.resource(TestTaskApps.minimal("many-" + i)).create();
        }
        int readyCount = 0;
        while (readyCount < MANY) {
          Thread.sleep(100);
          readyCount = (int) client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).list().getItems().stream()
              .filter(a -> a.getMetadata().getName().startsWith("many-"))
              .filter(a -> a.getStatus() != null && a.getStatus().condition("Ready").map(TaskAppCondition::isTrue).orElse(false))
              .count();
        }
        long allReadyMs = (System.nanoTime() - start) / 1_000_000;
        Thread.sleep(3000); // let the last status events drain before counting
        long reconciled = reconciliations(operator.metricsPort) - before;
        System.out.printf("%d TaskApps in one namespace, create -> all Ready: %d ms (target <= 30000 ms)%n", MANY, allReadyMs);
        System.out.printf("Reconciliations per TaskApp: %.1f%n", (double) reconciled / MANY);
        System.out.printf("Operator RSS: %d MB now, %d MB peak (target <= 200 MB)%n",
            rssKb(operator.process.pid(), "VmRSS") / 1024, rssKb(operator.process.pid(), "VmHWM") / 1024);
      } finally {
        operator.process.destroy();
        operator.process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    System.exit(0);
  }

  private record OperatorProcess(Process process, int metricsPort) {}

  private static OperatorProcess startOperator(MockCluster cluster) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.taskapp.operator.TaskAppOperator"));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    var env = builder.environment();
    env.put("KUBERNETES_MASTER", cluster.client().getMasterUrl().toString());
    env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    env.put("KUBERNETES_NAMESPACE", "default");
    env.put("HEALTH_PORT", "0");
    var process = builder.start();
    var port = new CompletableFuture<Integer>();
    var started = Pattern.compile("health on :(\\d+)");
    Thread.ofPlatform().daemon().start(() -> {
      try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
        String line;
        while ((line = out.readLine()) != null) {
          var m = started.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
    });
    return new OperatorProcess(process, port.get(60, TimeUnit.SECONDS));
  }

  private static boolean ready(KubernetesClient client, String name) {
    var app = client.resources(TaskApp.class).inNamespace(TestTaskApps.NAMESPACE).withName(name).get();
    return app.getStatus() != null && app.getStatus().condition("Ready").map(TaskAppCondition::isTrue).orElse(false);
  }

  /** The sum of JOSDK's per-TaskApp reconciliation counters, from the operator's /metrics. */
  private static long reconciliations(int port) throws Exception {
    var body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return body.lines().filter(l -> l.startsWith("operator_sdk_reconciliations_started_total"))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static long rssKb(long pid, String field) throws Exception {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith(field + ":")).findFirst()
        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(-1L);
  }
}
