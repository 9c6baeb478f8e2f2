package dev.taskapp.operator;

import dev.taskapp.operator.api.BackendSpec;
import dev.taskapp.operator.api.ComputeResources;
import dev.taskapp.operator.api.DatabaseSpec;
import dev.taskapp.operator.api.DeletionPolicy;
import dev.taskapp.operator.api.FrontendSpec;
import dev.taskapp.operator.api.IngressSpec;
import dev.taskapp.operator.api.ResourcesSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppSpec;
import dev.taskapp.operator.core.Defaults;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** TaskApp fixtures shared by every test tier. */
public final class TestTaskApps {

  public static final String NAMESPACE = "tasks";
  public static final Defaults DEFAULTS = new Defaults("0.1.0", "taskapp", "postgres:17-alpine");

  private TestTaskApps() {}

  /** An empty spec, as in k8s/examples/minimal.yaml. */
  public static TaskApp minimal(String name) {
    var app = new TaskApp();
    app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE)
        .withUid(UUID.randomUUID().toString()).withGeneration(1L).build());
    app.setSpec(new TaskAppSpec());
    return app;
  }

  /** Every field set, as in k8s/examples/full.yaml. */
  public static TaskApp full(String name) {
    var app = minimal(name);
    var spec = app.getSpec();
    spec.setVersion("0.2.0");
    spec.setImagePullSecrets(List.of("registry-credentials"));
    var db = new DatabaseSpec();
    db.setStorage("5Gi");
    db.setStorageClassName("fast");
    db.setImage("registry.example.com/postgres:17.2-alpine");
    db.setDeletionPolicy(DeletionPolicy.Delete);
    spec.setDatabase(db);
    var backend = new BackendSpec();
    backend.setReplicas(2);
    var resources = new ResourcesSpec();
    resources.setRequests(new ComputeResources("250m", "512Mi"));
    resources.setLimits(new ComputeResources("2", "1Gi"));
    backend.setResources(resources);
    backend.setEnv(Map.of("LOG_LEVEL", "debug", "DATABASE_URL", "postgresql://evil"));
    spec.setBackend(backend);
    var frontend = new FrontendSpec();
    frontend.setReplicas(3);
    var ingress = new IngressSpec();
    ingress.setHost("tasks.example.com");
    ingress.setClassName("nginx");
    ingress.setTlsSecretName("tasks-example-com-tls");
    ingress.setAnnotations(Map.of("cert-manager.io/cluster-issuer", "letsencrypt"));
    frontend.setIngress(ingress);
    spec.setFrontend(frontend);
    return app;
  }
}
