package dev.taskapp.operator.database;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * Whether the database's claim can grow to the size the spec asks. The API server refuses to
 * resize a claim whose StorageClass does not set allowVolumeExpansion (local-path in k3s and kind
 * among them), so the operator asks the class first rather than send a patch that cannot land.
 */
public final class VolumeExpansion {

  private VolumeExpansion() {}

  /** The storage the spec asks for. */
  static Quantity wanted(TaskApp app) {
    return new Quantity(new EffectiveSpec(app, Defaults.builtIn()).storage());
  }

  /** @return why the claim cannot grow to what the spec asks; empty when it has that already or can grow */
  public static Optional<String> blocked(TaskApp app, PersistentVolumeClaim claim, KubernetesClient client) {
    var wanted = wanted(app);
    var has = requested(claim);
    if (wanted.compareTo(has) <= 0) {
      return Optional.empty();
    }
    var className = claim.getSpec().getStorageClassName();
    var stays = "spec.database.storage asks for " + wanted + " but the volume stays at " + has + ": ";
    if (className == null || className.isEmpty()) {
      return Optional.of(stays + "the claim " + claim.getMetadata().getName()
          + " has no StorageClass, and only dynamically provisioned volumes can grow");
    }
    try {
      var storageClass = client.storage().v1().storageClasses().withName(className).get();
      if (storageClass == null) {
        return Optional.of(stays + "its StorageClass " + className + " does not exist");
      }
      if (!Boolean.TRUE.equals(storageClass.getAllowVolumeExpansion())) {
        return Optional.of(stays + "its StorageClass " + className + " does not allow volume expansion"
            + " (allowVolumeExpansion is not true); set it on the class if its provisioner can grow volumes,"
            + " or set spec.database.storage back to " + has);
      }
    } catch (KubernetesClientException e) {
      return Optional.empty(); // the class cannot be read: try, and let the API server answer
    }
    return Optional.empty();
  }

  static Quantity requested(PersistentVolumeClaim claim) {
    return Optional.ofNullable(claim.getSpec().getResources())
        .map(r -> r.getRequests()).map(r -> r.get("storage")).orElse(new Quantity("0"));
  }
}
