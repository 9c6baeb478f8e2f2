package dev.taskapp.operator.parity;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.Tier;
import dev.taskapp.operator.reconciler.DesiredObjects;
import dev.taskapp.operator.render.Manifests;
import dev.taskapp.operator.render.TaskAppFile;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The objects `render` prints for a TaskApp file, looked up by tier. */
record RenderedTaskApp(TaskApp app, List<HasMetadata> objects) {

  static RenderedTaskApp of(Path taskAppFile, Defaults defaults) throws Exception {
    var app = TaskAppFile.parse(Files.readString(taskAppFile), taskAppFile.toString());
    return new RenderedTaskApp(app, Manifests.sorted(DesiredObjects.of(app, defaults, Manifests::placeholder)));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private <T extends HasMetadata> T ofTier(Class<T> type, Tier tier) {
    return all(type).stream().filter(o -> tier.component().equals(o.getMetadata().getLabels().get(Labels.COMPONENT)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " for " + tier.component()));
  }

  /** The StatefulSet or Deployment that runs a tier. */
  HasMetadata workload(Tier tier) {
    return objects.stream()
        .filter(o -> o instanceof StatefulSet || o instanceof Deployment)
        .filter(o -> tier.component().equals(o.getMetadata().getLabels().get(Labels.COMPONENT)))
        .findFirst().orElseThrow(() -> new AssertionError("no workload for " + tier.component()));
  }

  PodTemplateSpec template(Tier tier) {
    return switch (workload(tier)) {
      case StatefulSet s -> s.getSpec().getTemplate();
      case Deployment d -> d.getSpec().getTemplate();
      default -> throw new AssertionError();
    };
  }

  Container container(Tier tier) {
    return template(tier).getSpec().getContainers().stream()
        .filter(c -> tier.component().equals(c.getName())).findFirst().orElseThrow();
  }

  NetworkPolicy policy(Tier tier) {
    return ofTier(NetworkPolicy.class, tier);
  }

  Map<String, String> podLabels(Tier tier) {
    return template(tier).getMetadata().getLabels();
  }

  /** "StatefulSet tasks-db", as the report names an object. */
  String name(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getName();
  }
}
