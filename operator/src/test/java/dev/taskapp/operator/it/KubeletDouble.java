package dev.taskapp.operator.it;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for the kubelet and the StatefulSet/Deployment controllers, which the mock API server
 * does not have. It watches pods and workloads (informers) and, whenever something changed (checked
 * every 20 ms), creates the pods a workload asks for (replacing pods of an older
 * template, as a rollout would), marks a pod Ready only when its containers are "ready" and every
 * readiness gate condition is True, and reports ready/available/updated replicas on the workload.
 * Containers start "ready" at once, unless a test says a workload's containers are unready, or puts
 * its pods in trouble ({@link PodTrouble}: an image that cannot be pulled, a crash loop, OOMKilled,
 * unschedulable, a readiness probe failing), which it then reports as the kubelet and the scheduler do.
 */
public final class KubeletDouble implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubeletDouble.class);
  private static final String HASH = "pod-template-hash";

  private final KubernetesClient client;
  private final Set<String> unready = ConcurrentHashMap.newKeySet();
  private final Map<String, PodTrouble> troubles = new ConcurrentHashMap<>();
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  /** Pods created but not yet seen by the pod informer, so a quick next tick does not create them twice. */
  private final Map<String, Pod> created = new ConcurrentHashMap<>();
  /** Each StatefulSet's claim templates, by its uid, for the volumes of its pods. */
  private final Map<String, List<PersistentVolumeClaim>> claimTemplates = new ConcurrentHashMap<>();
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<StatefulSet> statefulSets;
  private final SharedIndexInformer<Deployment> deployments;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    var t = new Thread(r, "kubelet-double");
    t.setDaemon(true);
    return t;
  });

  public KubeletDouble(KubernetesClient client) {
    this.client = client;
    pods = client.pods().inAnyNamespace().inform(changes(), 0);
    statefulSets = client.apps().statefulSets().inAnyNamespace().inform(changes(), 0);
    deployments = client.apps().deployments().inAnyNamespace().inform(changes(), 0);
    loop.scheduleWithFixedDelay(this::safeTick, 0, 20, TimeUnit.MILLISECONDS);
  }

  private <T> ResourceEventHandler<T> changes() {
    return new ResourceEventHandler<>() {
      @Override public void onAdd(T obj) { dirty.set(true); }
      @Override public void onUpdate(T oldObj, T newObj) { dirty.set(true); }
      @Override public void onDelete(T obj, boolean deletedFinalStateUnknown) { dirty.set(true); }
    };
  }

  /** The containers of this workload's pods fail (true) or pass (false) their readiness probe. */
  public void containersUnready(String workload, boolean isUnready) {
    if (isUnready) {
      unready.add(workload);
    } else {
      unready.remove(workload);
    }
    dirty.set(true);
  }

  /** This workload's pods are in this trouble from now on (null: healthy again), as the kubelet would report. */
  public void podTrouble(String workload, PodTrouble trouble) {
    if (trouble == null) {
      troubles.remove(workload);
    } else {
      troubles.put(workload, trouble);
    }
    dirty.set(true);
  }

  private void safeTick() {
    if (!dirty.getAndSet(false)) {
      return;
    }
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("kubelet double", e);
      dirty.set(true);
    }
  }

  private void tick() {
    var pods = this.pods.getStore().list();
    var statefulSets = this.statefulSets.getStore().list();
    var deployments = this.deployments.getStore().list();
    collectGarbage(pods, statefulSets, deployments);
    for (var sts : statefulSets) {
      claimTemplates.put(sts.getMetadata().getUid(), Optional.ofNullable(sts.getSpec().getVolumeClaimTemplates()).orElse(List.of()));
      guarded(() -> {
        var ready = run(sts.getMetadata(), sts.getSpec().getReplicas(), sts.getSpec().getTemplate(), "StatefulSet", pods);
        report(sts, Map.of("replicas", ready.total, "readyReplicas", ready.ready, "currentReplicas", ready.updated,
            "updatedReplicas", ready.updated, "availableReplicas", ready.ready));
      });
    }
    for (var deployment : deployments) {
      guarded(() -> {
        var ready = run(deployment.getMetadata(), deployment.getSpec().getReplicas(), deployment.getSpec().getTemplate(), "Deployment", pods);
        report(deployment, Map.of("replicas", ready.total, "readyReplicas", ready.ready, "updatedReplicas", ready.updated,
            "availableReplicas", ready.ready));
      });
    }
  }

  /** One workload's trouble (a conflict, a vanished object) must not stall the others. */
  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (KubernetesClientException e) {
      LOG.debug("kubelet double: {}", e.getMessage()); // a conflict or a vanished object: try again
      dirty.set(true);
    }
  }

  /** The garbage collector's part: pods whose workload is gone go too. */
  private void collectGarbage(List<Pod> pods, List<StatefulSet> statefulSets, List<Deployment> deployments) {
    Set<String> owners = new java.util.HashSet<>();
    statefulSets.forEach(s -> owners.add(s.getMetadata().getUid()));
    deployments.forEach(d -> owners.add(d.getMetadata().getUid()));
    for (var pod : pods) {
      boolean orphan = pod.getMetadata().getOwnerReferences().stream().noneMatch(r -> owners.contains(r.getUid()));
      if (orphan) {
        guarded(() -> delete(pod));
      }
    }
  }

  private record Counts(int total, int ready, int updated) {}

  private Counts run(ObjectMeta owner, Integer wanted, PodTemplateSpec template, String kind, List<Pod> allPods) {
    var hash = Integer.toHexString(Serialization.asJson(template).hashCode());
    var seen = allPods.stream().map(KubeletDouble::key).collect(java.util.stream.Collectors.toSet());
    created.keySet().removeIf(seen::contains);
    var candidates = new ArrayList<>(allPods);
    candidates.addAll(created.values());
    var mine = candidates.stream()
        .filter(p -> p.getMetadata().getNamespace().equals(owner.getNamespace()))
        .filter(p -> p.getMetadata().getOwnerReferences().stream().anyMatch(r -> r.getUid().equals(owner.getUid())))
        .toList();
    var current = new ArrayList<Pod>();
    for (var pod : mine) {
      if (hash.equals(pod.getMetadata().getLabels().get(HASH))) {
        current.add(pod);
      } else {
        delete(pod); // a rollout (recreate): the old template's pods go
      }
    }
    int replicas = wanted == null ? 1 : wanted;
    for (int i = current.size(); i < replicas; i++) {
      current.add(create(owner, template, kind, hash, i));
    }
    for (int i = replicas; i < current.size(); i++) {
      delete(current.get(i));
    }
    int ready = 0;
    for (var pod : current.subList(0, Math.min(replicas, current.size()))) {
      if (updateReadiness(pod, !unready.contains(owner.getName()), troubles.get(owner.getName()))) {
        ready++;
      }
    }
    return new Counts(Math.min(replicas, current.size()), ready, Math.min(replicas, current.size()));
  }

  private Pod create(ObjectMeta owner, PodTemplateSpec template, String kind, String hash, int index) {
    Map<String, String> labels = new HashMap<>(Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of()));
    labels.put(HASH, hash);
    var name = kind.equals("StatefulSet") ? owner.getName() + "-" + index
        : owner.getName() + "-" + hash + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    var spec = new PodSpecBuilder(template.getSpec());
    // The StatefulSet controller's part: a volume per claim template, bound to the pod's own claim
    // (<template>-<pod>); without it the API server refuses the pod's volume mounts (Not found).
    claimTemplates.getOrDefault(owner.getUid(), List.of()).forEach(claim -> spec.addNewVolume()
        .withName(claim.getMetadata().getName()).withNewPersistentVolumeClaim()
        .withClaimName(claim.getMetadata().getName() + "-" + name).endPersistentVolumeClaim().endVolume());
    var pod = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(owner.getNamespace()).withLabels(labels)
        .addNewOwnerReference().withApiVersion("apps/v1").withKind(kind).withName(owner.getName()).withUid(owner.getUid()).withController(true).endOwnerReference()
        .endMetadata()
        .withSpec(spec.build())
        .build();
    var pod0 = client.pods().resource(pod).create();
    created.put(key(pod0), pod0);
    LOG.debug("kubelet double: created pod {}", name);
    return pod0;
  }

  /** Deletes this pod, not a successor of the same name (StatefulSet pods keep their names). */
  private void delete(Pod pod) {
    created.remove(key(pod));
    var current = client.pods().resource(pod).get();
    if (current != null && current.getMetadata().getUid().equals(pod.getMetadata().getUid())) {
      client.pods().resource(current).delete();
    }
  }

  private static String key(Pod pod) {
    return pod.getMetadata().getUid();
  }

  /** @return whether the pod is Ready */
  private boolean updateReadiness(Pod pod, boolean containersReady, PodTrouble trouble) {
    var current = Optional.ofNullable(pod.getStatus()).orElseGet(PodStatus::new);
    var gates = Optional.ofNullable(pod.getSpec().getReadinessGates()).orElse(List.of()).stream()
        .map(PodReadinessGate::getConditionType).toList();
    var conditions = Optional.ofNullable(current.getConditions()).orElse(List.of());
    boolean gatesTrue = gates.stream().allMatch(g -> conditions.stream()
        .anyMatch(c -> c.getType().equals(g) && "True".equals(c.getStatus())));
    boolean ready = containersReady && trouble == null && gatesTrue;
    if (!KubeletPodStatus.next(current, pod, ready, containersReady, trouble).equals(current)) {
      client.pods().resource(pod).editStatus(p -> new PodBuilder(p)
          .withStatus(KubeletPodStatus.next(Optional.ofNullable(p.getStatus()).orElseGet(PodStatus::new), p, ready, containersReady, trouble)).build());
    }
    return ready;
  }

  private void report(HasMetadata workload, Map<String, Integer> counts) {
    var generation = workload.getMetadata().getGeneration();
    Map<String, Object> status = new HashMap<>(counts);
    status.put("observedGeneration", generation);
    @SuppressWarnings("unchecked")
    Map<String, Object> actual = Optional.ofNullable(Serialization.jsonMapper().convertValue(workload, Map.class))
        .map(m -> (Map<String, Object>) m.get("status")).orElse(Map.of());
    boolean same = status.entrySet().stream().allMatch(e -> Objects.equals(
        e.getValue() == null ? null : ((Number) e.getValue()).longValue(),
        actual.get(e.getKey()) == null ? null : ((Number) actual.get(e.getKey())).longValue()));
    if (same) {
      return;
    }
    // A merge patch of the status subresource, as the workload controllers write it.
    client.resource(workload).subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
  }

  @Override
  public void close() {
    loop.shutdownNow();
    pods.close();
    statefulSets.close();
    deployments.close();
  }
}
