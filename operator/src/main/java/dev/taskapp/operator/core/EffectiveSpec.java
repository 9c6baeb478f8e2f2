package dev.taskapp.operator.core;

import dev.taskapp.operator.api.BackendSpec;
import dev.taskapp.operator.api.ComputeResources;
import dev.taskapp.operator.api.DatabaseSpec;
import dev.taskapp.operator.api.DeletionPolicy;
import dev.taskapp.operator.api.FrontendSpec;
import dev.taskapp.operator.api.ImagesSpec;
import dev.taskapp.operator.api.IngressSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TaskAppSpec;
import dev.taskapp.operator.api.TierSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A TaskApp's spec with every unset value replaced by its default: what the dependents build from. */
public record EffectiveSpec(TaskApp app, Defaults defaults) {

  private TaskAppSpec spec() {
    return app.getSpec() == null ? new TaskAppSpec() : app.getSpec();
  }

  private DatabaseSpec database() {
    return Optional.ofNullable(spec().getDatabase()).orElseGet(DatabaseSpec::new);
  }

  private ImagesSpec images() {
    return Optional.ofNullable(spec().getImages()).orElseGet(ImagesSpec::new);
  }

  private TierSpec tier(Tier tier) {
    return switch (tier) {
      case BACKEND -> Optional.ofNullable(spec().getBackend()).orElseGet(BackendSpec::new);
      case FRONTEND -> Optional.ofNullable(spec().getFrontend()).orElseGet(FrontendSpec::new);
      case DATABASE -> throw new IllegalArgumentException("the database has no tier spec");
    };
  }

  public String namespace() { return app.getMetadata().getNamespace(); }

  public String version() { return Optional.ofNullable(spec().getVersion()).orElse(defaults.version()); }

  public String image(Tier tier) {
    return switch (tier) {
      case DATABASE -> Optional.ofNullable(database().getImage()).orElse(defaults.databaseImage());
      case BACKEND -> Optional.ofNullable(images().getBackend()).orElse(defaults.imagePrefix() + "/backend:" + version());
      case FRONTEND -> Optional.ofNullable(images().getFrontend()).orElse(defaults.imagePrefix() + "/frontend:" + version());
    };
  }

  public String storage() { return Optional.ofNullable(database().getStorage()).orElse(DatabaseSpec.DEFAULT_STORAGE); }

  public Optional<String> storageClassName() { return Optional.ofNullable(database().getStorageClassName()); }

  public DeletionPolicy deletionPolicy() {
    return Optional.ofNullable(database().getDeletionPolicy()).orElse(DeletionPolicy.Retain);
  }

  public int replicas(Tier tier) {
    return tier == Tier.DATABASE ? 1 : Optional.ofNullable(tier(tier).getReplicas()).orElse(1);
  }

  /** Extra environment of a tier, sorted by name so the desired object is stable. */
  public Map<String, String> extraEnv(Tier tier) {
    return new TreeMap<>(Optional.ofNullable(tier(tier).getEnv()).orElse(Map.of()));
  }

  public Optional<IngressSpec> ingress() {
    return Optional.ofNullable(spec().getFrontend()).map(FrontendSpec::getIngress).filter(i -> i.getHost() != null);
  }

  /** Where users reach the frontend (also the backend's CORS origin). */
  public String url() {
    return ingress()
        .map(i -> "http://" + i.getHost())
        .orElse("http://" + ResourceNames.frontend(app) + "." + namespace() + ".svc:" + Tier.FRONTEND.port());
  }

  public ResourceRequirements resources(Tier tier) {
    var fallback = DEFAULT_RESOURCES.get(tier);
    var asked = tier == Tier.DATABASE ? null : tier(tier).getResources();
    var requests = asked == null ? null : asked.getRequests();
    var limits = asked == null ? null : asked.getLimits();
    return new ResourceRequirementsBuilder()
        .withRequests(amounts(requests, fallback[0]))
        .withLimits(amounts(limits, fallback[1]))
        .build();
  }

  private static Map<String, Quantity> amounts(ComputeResources asked, ComputeResources fallback) {
    var cpu = asked != null && asked.getCpu() != null ? asked.getCpu() : fallback.getCpu();
    var memory = asked != null && asked.getMemory() != null ? asked.getMemory() : fallback.getMemory();
    return new TreeMap<>(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)));
  }

  /** Requests and limits when the spec says nothing: JVM services need more memory than PostgreSQL. */
  private static final Map<Tier, ComputeResources[]> DEFAULT_RESOURCES = Map.of(
      Tier.DATABASE, new ComputeResources[] {new ComputeResources("100m", "128Mi"), new ComputeResources("1", "512Mi")},
      Tier.BACKEND, new ComputeResources[] {new ComputeResources("100m", "384Mi"), new ComputeResources("1", "768Mi")},
      Tier.FRONTEND, new ComputeResources[] {new ComputeResources("100m", "256Mi"), new ComputeResources("1", "512Mi")});
}
