package dev.taskapp.operator.it;

import static org.awaitility.Awaitility.await;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppCondition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One running operator per test class, against the CRUD mock API server, with the kubelet double
 * playing the cluster: the fixture the operator ITs share.
 */
public abstract class OperatorInMockCluster {

  protected static MockCluster cluster;
  protected static KubeletDouble kubelet;
  protected static RunningOperator operator;
  protected static KubernetesClient client;

  @BeforeAll
  static void startOperatorInMockCluster() {
    cluster = new MockCluster();
    client = cluster.client();
    kubelet = new KubeletDouble(client);
    operator = new RunningOperator(cluster);
  }

  @AfterAll
  static void stopOperatorInMockCluster() {
    operator.close();
    kubelet.close();
    cluster.close();
  }

  /** An object in the tests' namespace, or null. */
  protected static <T extends HasMetadata> T child(Class<T> type, String name) {
    return client.resources(type).inNamespace(TestTaskApps.NAMESPACE).withName(name).get();
  }

  /** A condition of a TaskApp's status, if the TaskApp and the condition exist. */
  protected static Optional<TaskAppCondition> condition(String app, String type) {
    return Optional.ofNullable(child(TaskApp.class, app)).map(TaskApp::getStatus).flatMap(s -> s.condition(type));
  }

  /** Waits up to 30 s for Ready=True; a timeout says what the TaskApp, its pods and workloads show. */
  protected static void awaitReady(String app) {
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> condition(app, "Ready").map(TaskAppCondition::isTrue).orElse(false));
    } catch (ConditionTimeoutException e) {
      var ns = TestTaskApps.NAMESPACE;
      throw new AssertionError(app + " not Ready: " + child(TaskApp.class, app).getStatus().getConditions()
          + "; pods " + client.pods().inNamespace(ns).list().getItems().stream()
              .filter(p -> p.getMetadata().getName().startsWith(app + "-"))
              .map(p -> p.getMetadata().getName() + " " + p.getStatus().getConditions().stream()
                  .map(c -> c.getType() + "=" + c.getStatus()).toList()).toList()
          + "; deployments " + client.apps().deployments().inNamespace(ns).list().getItems().stream()
              .filter(d -> d.getMetadata().getName().startsWith(app + "-")).map(d -> d.getMetadata().getName() + " " + d.getStatus()).toList()
          + "; statefulsets " + client.apps().statefulSets().inNamespace(ns).list().getItems().stream()
              .filter(x -> x.getMetadata().getName().startsWith(app + "-")).map(x -> x.getMetadata().getName() + " " + x.getStatus()).toList(), e);
    }
  }
}
