package dev.taskapp.operator.parity;

import static dev.taskapp.operator.parity.ComposeFile.seconds;
import static dev.taskapp.operator.parity.ParityRow.Parity.APPROXIMATED;
import static dev.taskapp.operator.parity.ParityRow.Parity.MAPPED;

import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Compose ↔ Kubernetes table of DESIGN.md, key by key, computed from docker-compose.yml (with
 * .env.example) and the objects the operator renders for the default TaskApp. ParityTest asserts
 * it; ParityReport prints it as docs/PARITY.md. A key of the Compose file without a rule here is a
 * row that fails, so a new key cannot slip through unexamined.
 */
final class ParityTable {

  private final ComposeFile compose;
  private final RenderedTaskApp k8s;
  private final StartOrder order;
  private final HealthcheckRows healthchecks;
  /** The user the Jib-built images run as (root pom, jib container.user): Compose uses the image's. */
  private final String imageUser;

  ParityTable(ComposeFile compose, RenderedTaskApp k8s, Defaults defaults, String imageUser) {
    this.compose = compose;
    this.k8s = k8s;
    this.order = new StartOrder(k8s, defaults);
    this.healthchecks = new HealthcheckRows(compose, k8s);
    this.imageUser = imageUser;
  }

  List<ParityRow> rows() {
    var rows = new ArrayList<ParityRow>();
    for (var key : compose.root().keySet()) {
      if (!key.equals("services")) {
        rows.addAll(topLevel(key));
      }
    }
    for (var tier : Tier.values()) {
      var service = tier.component();
      for (var key : compose.service(service).keySet()) {
        if (key.equals("healthcheck")) {
          compose.healthcheck(service).keySet().forEach(sub -> rows.add(healthchecks.row(tier, sub)));
        } else {
          rows.add(serviceKey(tier, key));
        }
      }
      if (!compose.service(service).containsKey("user")) {
        rows.add(user(tier));
      }
    }
    return rows;
  }

  private List<ParityRow> topLevel(String key) {
    var rows = new ArrayList<ParityRow>();
    switch (key) {
      case "name" -> rows.add(ParityRow.approximated("name", compose.root().get("name"),
          "TaskApp metadata.name", k8s.app().getMetadata().getName(),
          "Compose prefixes containers, network and volume with the project name; the operator prefixes every object"
              + " with the TaskApp's name and labels it app.kubernetes.io/instance"));
      case "networks" -> compose.mapAt("networks").keySet().forEach(network -> rows.add(ParityRow.approximated(
          "networks." + network, "bridge network of " + compose.membersOf(network),
          "NetworkPolicy (one per tier)", String.join(", ", k8s.all(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class)
              .stream().map(p -> p.getMetadata().getName()).toList()),
          "a Compose network joins its members both ways; NetworkPolicies admit each tier's callers only"
              + " (see the services' networks rows, which compare who reaches whom)")));
      case "volumes" -> compose.mapAt("volumes").keySet().forEach(volume -> {
        var db = (StatefulSet) k8s.workload(Tier.DATABASE);
        var claims = db.getSpec().getVolumeClaimTemplates();
        var retention = db.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted();
        rows.add(ParityRow.related("volumes." + volume, "named volume, kept by `down`, removed by `down -v`",
            k8s.name(db) + ": volumeClaimTemplates, persistentVolumeClaimRetentionPolicy.whenDeleted",
            claims.size() + " claim template (" + claims.getFirst().getMetadata().getName() + ", "
                + claims.getFirst().getSpec().getResources().getRequests().get("storage") + "), whenDeleted " + retention,
            MAPPED, "one claim per named volume, retained on delete",
            compose.mapAt("volumes").size() == claims.size() && "Retain".equals(retention),
            "spec.database.deletionPolicy: Delete is the `down -v` of Kubernetes"));
      });
      default -> rows.add(key.startsWith("x-")
          ? ParityRow.notApplicable(key, "YAML anchor", "an extension field: its keys are merged into the services and compared there")
          : unmapped(key, compose.root().get(key)));
    }
    return rows;
  }

  private ParityRow serviceKey(Tier tier, String key) {
    var service = tier.component();
    var path = "services." + service + "." + key;
    var container = k8s.container(tier);
    var where = k8s.name(k8s.workload(tier)) + ": ";
    var value = compose.service(service).get(key);
    return switch (key) {
      case "image" -> ParityRow.mapped(path, value, where + "containers[" + container.getName() + "].image", container.getImage(),
          tier == Tier.DATABASE ? "TASKAPP_DB_IMAGE ↔ spec.database.image (operator default TASKAPP_DATABASE_IMAGE)"
              : "repository from TASKAPP_IMAGE_PREFIX, tag from TASKAPP_VERSION ↔ spec.images / spec.version");
      case "environment" -> environment(tier, path, where + "containers[" + container.getName() + "].env[].name", envNames(container));
      case "ports" -> ParityRow.mapped(path, compose.containerPorts(service), where + "containers[].ports[].containerPort; Service port",
          container.getPorts().stream().map(p -> p.getContainerPort()).toList(),
          "the host side (TASKAPP_BIND_ADDRESS, default 127.0.0.1) has no cluster counterpart: a ClusterIP Service,"
              + " plus an Ingress for the frontend when spec.frontend.ingress is set");
      case "depends_on" -> dependsOn(tier, path);
      case "volumes" -> ParityRow.mapped(path, compose.strings(service, "volumes").stream().filter(v -> !v.startsWith("/") && !v.startsWith("."))
              .map(v -> v.split(":")[1]).toList(),
          where + "volumeMounts of volumeClaimTemplates", claimMounts(tier), "the named volume is the StatefulSet's PersistentVolumeClaim");
      case "tmpfs" -> ParityRow.mapped(path, new TreeSet<>(compose.strings(service, "tmpfs")), where + "volumeMounts of emptyDir volumes",
          scratchMounts(tier), "writable scratch space beside the read-only root");
      case "read_only" -> ParityRow.mapped(path, value, where + "securityContext.readOnlyRootFilesystem",
          container.getSecurityContext().getReadOnlyRootFilesystem(), "");
      case "cap_drop" -> ParityRow.mapped(path, compose.strings(service, "cap_drop"), where + "securityContext.capabilities.drop",
          container.getSecurityContext().getCapabilities().getDrop(), "");
      case "cap_add" -> ParityRow.approximated(path, compose.strings(service, "cap_add"), where + "securityContext.capabilities.add",
          Optional.ofNullable(container.getSecurityContext().getCapabilities().getAdd()).orElse(List.of()),
          "the official image's entrypoint starts as root to chown PGDATA, then drops to postgres; in Kubernetes the pod"
              + " starts as the postgres uid with fsGroup owning the volume, so it needs no capability");
      case "command" -> ParityRow.approximated(path, compose.strings(service, "command"), where + "args",
          Optional.ofNullable(container.getArgs()).orElse(List.of()),
          "Compose sizes PostgreSQL for a laptop: its buffer pool (TASKAPP_DB_SHARED_BUFFERS) and its connection slots"
              + " (TASKAPP_DB_MAX_CONNECTIONS); the operator's database keeps PostgreSQL's defaults, as for its other settings");
      case "security_opt" -> {
        var noNewPrivileges = compose.strings(service, "security_opt").contains("no-new-privileges:true");
        var escalation = container.getSecurityContext().getAllowPrivilegeEscalation();
        yield ParityRow.related(path, compose.strings(service, "security_opt"), where + "securityContext.allowPrivilegeEscalation",
            "allowPrivilegeEscalation: " + escalation, MAPPED, "no-new-privileges ⇔ allowPrivilegeEscalation false",
            noNewPrivileges && Boolean.FALSE.equals(escalation),
            "both also filter system calls: Docker's default seccomp profile ↔ seccompProfile RuntimeDefault");
      }
      case "restart" -> restart(tier, path, String.valueOf(value));
      case "networks" -> networks(tier, path);
      case "stop_grace_period" -> {
        var grace = Optional.ofNullable(k8s.template(tier).getSpec().getTerminationGracePeriodSeconds()).orElse(30L);
        var composeGrace = (long) seconds(String.valueOf(value));
        yield tier == Tier.DATABASE
            ? ParityRow.related(path, composeGrace + "s", where + "terminationGracePeriodSeconds", grace + "s", MAPPED,
                "Compose's ≤ Kubernetes'", composeGrace <= grace,
                "time for PostgreSQL's fast shutdown (SIGINT) to end with its checkpoint, which on a node's network volume"
                    + " may take minutes; Compose's 30 s suits a laptop's disk")
            : ParityRow.mapped(path, composeGrace + "s", where + "terminationGracePeriodSeconds (default 30)",
                grace + "s", "time to shut down cleanly before SIGKILL");
      }
      case "stop_signal" -> ParityRow.approximated(path, value, "the image's STOPSIGNAL", "the image's STOPSIGNAL",
          "Kubernetes sends the signal the image declares (SIGINT in the postgres images); a per-pod field exists only as alpha");
      case "mem_limit" -> ParityRow.approximated(path, value, where + "resources.limits.memory (requests too)",
          container.getResources().getLimits().get("memory"),
          "sized separately: Compose's limits are measured for one laptop, the operator's defaults add headroom on a node;"
              + " set spec." + (tier == Tier.DATABASE ? "database" : service) + ".resources to choose");
      case "pids_limit" -> ParityRow.notApplicable(path, value, "Kubernetes limits processes per pod on the node (kubelet podPidsLimit)");
      case "shm_size" -> ParityRow.approximated(path, value, "container runtime default", "64Mi",
          "containerd and CRI-O give every pod a 64 MiB /dev/shm, the size Compose sets");
      case "logging" -> ParityRow.notApplicable(path, "json-file, rotated", "the kubelet rotates container logs (node setting containerLogMaxSize)");
      default -> unmapped(path, value);
    };
  }

  /**
   * The same variable names on both sides, but for Compose's laptop-only JVM options: there the
   * backend runs on C1 alone (faster start, less memory) and the frontend's heap is capped; in
   * Kubernetes both run on the images' own flags, sized from the container's limit.
   */
  private ParityRow environment(Tier tier, String path, String field, Object kubernetes) {
    var names = compose.environmentNames(tier.component());
    var shared = names.stream().filter(n -> !n.equals(LAPTOP_JVM_OPTIONS)).toList();
    if (shared.size() == names.size()) {
      return ParityRow.mapped(path, names, field, kubernetes, ENV_NOTES.get(tier));
    }
    return ParityRow.related(path, names, field, kubernetes, MAPPED, "equal but for " + LAPTOP_JVM_OPTIONS,
        String.valueOf(shared).equals(String.valueOf(kubernetes)), ENV_NOTES.get(tier) + "; " + LAPTOP_JVM_OPTIONS
            + " is Compose's only (for a laptop: TASKAPP_BACKEND_JAVA_OPTIONS, C1 alone; TASKAPP_FRONTEND_JAVA_OPTIONS, C1 alone and a 64 MB heap);"
            + " Kubernetes runs the images' own flags");
  }

  private ParityRow dependsOn(Tier tier, String path) {
    var composeWaits = compose.dependsOn(tier.component());
    var gated = StartOrder.gated(k8s, tier);
    var waits = order.waitsFor(tier);
    var postconditions = waits.stream().map(w -> w.split(" ")[0]).map(this::tier)
        .map(t -> order.dependentOf(t) + order.postconditionOf(t).map(c -> " ready (" + c + ")").orElse("")).toList();
    // Each tier waited for must also be the one the pods' gate follows (Tier.gatedOn, used by the reconciler).
    var gateFollows = tier.gatedOn().map(Tier::component);
    var k8sValue = waits.stream().map(w -> gated && gateFollows.equals(Optional.of(w.split(" ")[0])) ? w
        : w + " without a readiness gate following it" + gateFollows.map(g -> " (the gate follows " + g + ")").orElse("")).toList();
    return ParityRow.mapped(path, composeWaits, "workflow: " + order.dependentOf(tier) + " dependsOn " + postconditions
        + "; pod readinessGates", k8sValue,
        "the workflow creates the tier once the one below is ready; the gate " + dev.taskapp.operator.core.Readiness.GATE
            + " keeps it out of its Service while the one below is not (Compose checks only at start)");
  }

  private ParityRow restart(Tier tier, String path, String policy) {
    var workload = k8s.workload(tier);
    var restartPolicy = Optional.ofNullable(k8s.template(tier).getSpec().getRestartPolicy()).orElse("Always");
    var expectedKind = compose.strings(tier.component(), "volumes").isEmpty() ? "Deployment" : "StatefulSet";
    var holds = Set.of("always", "unless-stopped").contains(policy) && "Always".equals(restartPolicy)
        && expectedKind.equals(workload.getKind());
    return ParityRow.related(path, policy, "controller kind; pod restartPolicy",
        workload.getKind() + " (restartPolicy " + restartPolicy + ")", MAPPED,
        "restarted always ⇔ a controller with restartPolicy Always; a StatefulSet where a named volume is mounted",
        holds, "`docker compose stop` ↔ scaling to 0 replicas");
  }

  /**
   * Who reaches a tier. Where Compose publishes nothing (the db) the callers must be the same; where
   * it publishes a port, Kubernetes may admit fewer, but always the tiers that depend on this one.
   */
  private ParityRow networks(Tier tier, String path) {
    var inCompose = Reachability.compose(compose, tier);
    var inK8s = Reachability.kubernetes(k8s, tier);
    var dependents = new TreeSet<String>();
    for (var other : Tier.values()) {
      compose.dependsOn(other.component()).stream().filter(d -> d.startsWith(tier.component() + " "))
          .forEach(d -> dependents.add(other.component()));
    }
    var published = inCompose.contains(Reachability.OUTSIDE);
    var field = k8s.name(k8s.policy(tier)) + ": ingress";
    if (!published) {
      return ParityRow.related(path, "reachable from " + inCompose, field, "reachable from " + inK8s, MAPPED,
          "the same callers on both sides", inCompose.equals(inK8s) && inK8s.containsAll(dependents),
          "Compose: the services sharing a network with it, no published port ↔ the NetworkPolicy's ingress peers");
    }
    return ParityRow.related(path, "reachable from " + inCompose, field, "reachable from " + inK8s,
        inCompose.equals(inK8s) ? MAPPED : APPROXIMATED,
        dependents.isEmpty() ? "reachable from outside on both sides" : "the tiers that depend on it " + dependents + " reach it on both sides",
        inCompose.containsAll(dependents) && inK8s.containsAll(dependents)
            && (!dependents.isEmpty() || inK8s.contains(Reachability.OUTSIDE)),
        inK8s.contains(Reachability.OUTSIDE)
            ? "published on the host in Compose ↔ admitted from anywhere (users, the Ingress controller) in Kubernetes"
            : "Compose publishes it on the host (127.0.0.1 by default) for API clients on that machine; the policy admits only "
                + inK8s + ": use kubectl port-forward svc/" + k8s.policy(tier).getMetadata().getName() + " " + tier.port());
  }

  private ParityRow user(Tier tier) {
    var path = "services." + tier.component() + ".user";
    var pod = k8s.template(tier).getSpec().getSecurityContext();
    var k8sUser = pod.getRunAsUser() + ":" + pod.getRunAsGroup() + (Boolean.TRUE.equals(pod.getRunAsNonRoot()) ? " (runAsNonRoot)" : "");
    var where = k8s.name(k8s.workload(tier)) + ": securityContext.runAsUser:runAsGroup";
    if (tier == Tier.DATABASE) {
      return ParityRow.related(path, "(not set) the image's: entrypoint as root, server as postgres", where, k8sUser, APPROXIMATED,
          "non-root in Kubernetes", Boolean.TRUE.equals(pod.getRunAsNonRoot()) && pod.getRunAsUser() != 0,
          "Kubernetes runs the postgres uid of postgres:17-alpine from the start (see cap_add)");
    }
    var composeUser = imageUser == null ? "(not set) the base image's: root" : imageUser + " (the image's, Jib container.user)";
    return ParityRow.related(path, composeUser, where, k8sUser, MAPPED, "the same non-root uid:gid",
        imageUser != null && k8sUser.startsWith(imageUser + " (runAsNonRoot)"), "");
  }

  static ParityRow unmapped(String key, Object value) {
    return new ParityRow(key, String.valueOf(value), "?", "?", APPROXIMATED, "a rule in ParityTable", false,
        "no rule for this key: add one (mapped, approximated with why, or not applicable)");
  }

  private Tier tier(String component) {
    return java.util.Arrays.stream(Tier.values()).filter(t -> t.component().equals(component)).findFirst().orElseThrow();
  }

  /** Variables the container reads; helper variables that only feed another's $(NAME) are left out. */
  static List<String> envNames(Container container) {
    var env = container.getEnv();
    return env.stream().map(e -> e.getName())
        .filter(name -> env.stream().noneMatch(o -> o.getValue() != null && o.getValue().contains("$(" + name + ")")))
        .sorted().toList();
  }

  private TreeSet<String> scratchMounts(Tier tier) {
    var scratch = k8s.template(tier).getSpec().getVolumes().stream().filter(v -> v.getEmptyDir() != null).map(v -> v.getName()).toList();
    return new TreeSet<>(k8s.container(tier).getVolumeMounts().stream().filter(m -> scratch.contains(m.getName())).map(m -> m.getMountPath()).toList());
  }

  private List<String> claimMounts(Tier tier) {
    if (!(k8s.workload(tier) instanceof StatefulSet set)) {
      return List.of();
    }
    var claims = set.getSpec().getVolumeClaimTemplates().stream().map(c -> c.getMetadata().getName()).toList();
    return k8s.container(tier).getVolumeMounts().stream().filter(m -> claims.contains(m.getName())).map(m -> m.getMountPath()).toList();
  }

  private static final String LAPTOP_JVM_OPTIONS = "JDK_JAVA_OPTIONS";

  private static final Map<Tier, String> ENV_NOTES = Map.of(
      Tier.DATABASE, "values from .env ↔ the Secret (POSTGRES_PASSWORD); PGDATA is a subdirectory of the volume in"
          + " Kubernetes, since initdb refuses a mount point holding lost+found",
      Tier.BACKEND, "secrets from .env ↔ the Secret; DB_PASSWORD is only a helper from which the kubelet assembles"
          + " DATABASE_URL ($(DB_PASSWORD)); CORS_ORIGINS is the frontend's URL on each side",
      Tier.FRONTEND, "http://backend:5000 ↔ http://<name>-backend:5000 (the backend Service)");
}
