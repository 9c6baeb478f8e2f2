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
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
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

  /** The pull secrets every pod gets; null when none, so pod specs stay as they were without them. */
  public List<LocalObjectReference> imagePullSecrets() {
    var names = Optional.ofNullable(spec().getImagePullSecrets()).orElse(List.of());
    return names.isEmpty() ? null : names.stream().map(LocalObjectReference::new).toList();
  }

  /** Where users reach the frontend (also the backend's CORS origin): https when the Ingress has TLS. */
  public String url() {
    return ingress()
        .map(i -> (i.getTlsSecretName() == null ? "http://" : "https://") + i.getHost())
        .orElse("http://" + ResourceNames.frontend(app) + "." + namespace() + ".svc:" + Tier.FRONTEND.port());
  }

  /**
   * The spec's requests and limits, the defaults filling the gaps. A default never crosses a value the
   * spec sets: a limit below the default request lowers the request to it (as Kubernetes itself
   * defaults a missing request to the limit), a request above the default limit raises the limit to
   * it. So the container is valid (request <= limit); when the spec sets both, the CRD checks them.
   */
  public ResourceRequirements resources(Tier tier) {
    var fallback = DEFAULT_RESOURCES.get(tier);
    var asked = tier == Tier.DATABASE ? database().getResources() : tier(tier).getResources();
    var askedRequests = asked == null ? null : asked.getRequests();
    var askedLimits = asked == null ? null : asked.getLimits();
    Map<String, Quantity> requests = new TreeMap<>();
    Map<String, Quantity> limits = new TreeMap<>();
    for (var resource : List.of("cpu", "memory")) {
      var request = amount(askedRequests, resource);
      var limit = amount(askedLimits, resource);
      var defaultRequest = amount(fallback[0], resource).orElseThrow();
      var defaultLimit = amount(fallback[1], resource).orElseThrow();
      requests.put(resource, request.orElseGet(() -> limit.filter(l -> lessThan(l, defaultRequest)).orElse(defaultRequest)));
      limits.put(resource, limit.orElseGet(() -> request.filter(r -> lessThan(defaultLimit, r)).orElse(defaultLimit)));
    }
    return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
  }

  private static Optional<Quantity> amount(ComputeResources resources, String resource) {
    return Optional.ofNullable(resources)
        .map(r -> "cpu".equals(resource) ? r.getCpu() : r.getMemory())
        .map(Quantity::new);
  }

  private static boolean lessThan(Quantity a, Quantity b) {
    return a.getNumericalAmount().compareTo(b.getNumericalAmount()) < 0;
  }

  /** Requests and limits when the spec says nothing: JVM services need more memory than PostgreSQL. */
  private static final Map<Tier, ComputeResources[]> DEFAULT_RESOURCES = Map.of(
      Tier.DATABASE, new ComputeResources[] {new ComputeResources("100m", "128Mi"), new ComputeResources("1", "512Mi")},
      Tier.BACKEND, new ComputeResources[] {new ComputeResources("100m", "384Mi"), new ComputeResources("1", "768Mi")},
      Tier.FRONTEND, new ComputeResources[] {new ComputeResources("100m", "256Mi"), new ComputeResources("1", "512Mi")});
}
