package dev.taskapp.operator.core;

import dev.taskapp.operator.api.TaskApp;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.Map;

/**
 * A child object the operator creates, keeps as desired (drift is put back) and deletes with its
 * TaskApp. The object is built from the TaskApp and the operator's {@link Defaults} alone — no
 * client call — so the same code serves the running operator and an offline render.
 */
public abstract class TaskAppDependentResource<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, TaskApp> implements DesiredObject<R> {

  private final Defaults defaults;

  protected TaskAppDependentResource(Class<R> type, Defaults defaults) {
    super(type);
    this.defaults = defaults;
  }

  @Override
  protected final R desired(TaskApp app, Context<TaskApp> context) {
    return desired(app);
  }

  @Override
  public final R desired(TaskApp app) {
    R object = build(new EffectiveSpec(app, defaults));
    object.addOwnerReference(app);
    return object;
  }

  protected abstract R build(EffectiveSpec spec);

  /** Compared after taking the server's spelling of equal quantities (see {@link ServerForm}). */
  @Override
  public Result<R> match(R actual, R desired, TaskApp primary, Context<TaskApp> context) {
    ServerForm.adoptEquivalentQuantities(actual, desired);
    return super.match(actual, desired, primary, context);
  }

  /** Metadata of a tier's object: name, namespace, labels. */
  protected static ObjectMeta metadata(EffectiveSpec spec, String name, Tier tier) {
    return metadata(spec, name, Labels.of(spec.app(), tier));
  }

  protected static ObjectMeta metadata(EffectiveSpec spec, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder().withName(name).withNamespace(spec.namespace()).withLabels(labels).build();
  }
}
