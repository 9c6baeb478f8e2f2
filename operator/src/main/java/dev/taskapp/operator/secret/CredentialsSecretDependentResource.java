package dev.taskapp.operator.secret;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.DesiredObject;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.ResourceNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.taskapp.operator.api.DeletionPolicy;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The database password, SECRET_KEY and JWT_SECRET_KEY. Created once with random values and never
 * rewritten: it is a {@link Creator} but not an Updater, so recreating other children never rotates it.
 *
 * <p>It follows the database volume's deletionPolicy, also when the policy changes later: with
 * Retain it has no owner reference and outlives the TaskApp, so a TaskApp re-created under the same
 * name finds both its data and the password that opens it; with Delete it goes with the TaskApp.
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public class CredentialsSecretDependentResource extends KubernetesDependentResource<Secret, TaskApp>
    implements Creator<Secret, TaskApp>, GarbageCollected<TaskApp>, DesiredObject<Secret>,
        SecondaryToPrimaryMapper<Secret> {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** Random alphanumeric values: safe inside a postgresql:// URL without escaping. */
  public static final IntFunction<String> RANDOM_VALUES = length -> {
    var value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return value.toString();
  };

  private final IntFunction<String> values;

  public CredentialsSecretDependentResource() {
    this(RANDOM_VALUES);
  }

  /** @param values makes a secret value of the given length (a placeholder when rendering offline) */
  public CredentialsSecretDependentResource(IntFunction<String> values) {
    super(Secret.class);
    this.values = values;
  }

  @Override
  protected Secret desired(TaskApp app, Context<TaskApp> context) {
    return desired(app);
  }

  @Override
  public Secret desired(TaskApp app) {
    Map<String, String> data = new TreeMap<>();
    data.put(ResourceNames.KEY_DB_PASSWORD, encode(values.apply(32)));
    data.put(ResourceNames.KEY_SECRET_KEY, encode(values.apply(64)));
    data.put(ResourceNames.KEY_JWT_SECRET_KEY, encode(values.apply(64)));
    var secret = new SecretBuilder()
        .withNewMetadata()
        .withName(ResourceNames.secret(app))
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(Labels.of(app))
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
    if (new EffectiveSpec(app, Defaults.builtIn()).deletionPolicy() == DeletionPolicy.Delete) {
      secret.addOwnerReference(app);
    }
    return secret;
  }

  /**
   * A deleted Secret is not made again while the database volume exists: new random values would
   * not open the data on it (PostgreSQL took the password when it first initialised the volume).
   * The TaskApp reports CredentialsMissing instead, until someone restores the Secret.
   */
  @Override
  public ReconcileResult<Secret> reconcile(TaskApp app, Context<TaskApp> context) {
    var actual = getSecondaryResource(app, context);
    if (actual.isPresent()) {
      return followDeletionPolicy(app, actual.get(), context.getClient());
    }
    if (dataOutlivesSecret(app, context.getClient())) {
      return ReconcileResult.noOperation(null);
    }
    return super.reconcile(app, context);
  }

  /**
   * Adds or removes the owner reference alone, by a strategic merge patch of ownerReferences (merged
   * by uid): the values are never touched, and an owner someone else added stays.
   */
  private ReconcileResult<Secret> followDeletionPolicy(TaskApp app, Secret secret, KubernetesClient client) {
    var uid = app.getMetadata().getUid();
    boolean owned = secret.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
    boolean shouldBeOwned = new EffectiveSpec(app, Defaults.builtIn()).deletionPolicy() == DeletionPolicy.Delete;
    if (owned == shouldBeOwned) {
      return ReconcileResult.noOperation(secret);
    }
    Object reference = shouldBeOwned ? new SecretBuilder().build().addOwnerReference(app) : Map.of("uid", uid, "$patch", "delete");
    var patched = client.secrets().resource(secret).patch(PatchContext.of(PatchType.STRATEGIC_MERGE),
            Serialization.asJson(Map.of("metadata", Map.of("ownerReferences", List.of(reference)))));
    return ReconcileResult.resourceUpdated(patched);
  }

  /** Whether the database's claim exists and is not on its way out (asked only while the Secret is missing). */
  public static boolean dataOutlivesSecret(TaskApp app, KubernetesClient client) {
    var claim = client.persistentVolumeClaims().inNamespace(app.getMetadata().getNamespace())
        .withName(ResourceNames.dataClaim(app)).get();
    return claim != null && claim.getMetadata().getDeletionTimestamp() == null;
  }

  /**
   * No JOSDK "previous" annotation on the Secret: a copy restored from a backup would carry it, and
   * JOSDK would take that creation for its own and not reconcile (Ready would stay CredentialsMissing).
   */
  @Override
  protected void addMetadata(boolean forMatch, Secret actual, Secret target, TaskApp primary, Context<TaskApp> context) {}

  /** The owner reference, when there is one, was decided by {@link #desired(TaskApp)}. */
  @Override
  protected void addReferenceHandlingMetadata(Secret desired, TaskApp primary) {}

  /** Found by its instance label, since a retained Secret has no owner reference. */
  @Override
  public Set<ResourceID> toPrimaryResourceIDs(Secret secret) {
    var instance = secret.getMetadata().getLabels().get(Labels.INSTANCE);
    return instance == null ? Set.of() : Set.of(new ResourceID(instance, secret.getMetadata().getNamespace()));
  }

  private static String encode(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
