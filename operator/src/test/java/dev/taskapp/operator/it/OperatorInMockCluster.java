package dev.taskapp.operator.it;

import io.fabric8.kubernetes.client.KubernetesClient;
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
}
