package dev.taskapp.operator.frontend;

import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Labels;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.core.TaskAppDependentResource;
import dev.taskapp.operator.core.Tier;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import java.util.List;
import dev.taskapp.operator.api.TaskApp;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Exposes the frontend on spec.frontend.ingress.host, when asked; with TLS when a certificate Secret
 * is named. The spec's annotations pass through untouched, which is all cert-manager's ingress-shim
 * needs (its issuer annotation plus this tls block) and what Ingress controllers are configured with.
 * A key removed from the spec is removed from the Ingress ({@link IngressAnnotations}).
 */
@KubernetesDependent(useSSA = BooleanWithUndefined.FALSE, informer = @Informer(labelSelector = Labels.FRONTEND_SELECTOR))
public class FrontendIngressDependentResource extends TaskAppDependentResource<Ingress> {

  public FrontendIngressDependentResource() {
    this(Defaults.fromEnvironment());
  }

  public FrontendIngressDependentResource(Defaults defaults) {
    super(Ingress.class, defaults);
  }

  /** Found by name, so it can be deleted after the spec stopped asking for it. */
  @Override
  protected ResourceID targetSecondaryResourceID(TaskApp app, Context<TaskApp> context) {
    return new ResourceID(ResourceNames.frontend(app), app.getMetadata().getNamespace());
  }

  @Override
  protected Ingress build(EffectiveSpec spec) {
    var app = spec.app();
    var ingress = spec.ingress().orElseThrow(() -> new IllegalStateException("no ingress asked for " + app.getMetadata().getName()));
    var metadata = metadata(spec, ResourceNames.frontend(app), Tier.FRONTEND);
    metadata.setAnnotations(IngressAnnotations.desired(ingress.getAnnotations()));
    var tls = ingress.getTlsSecretName() == null ? null
        : List.of(new IngressTLSBuilder().withHosts(ingress.getHost()).withSecretName(ingress.getTlsSecretName()).build());
    return new IngressBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withIngressClassName(ingress.getClassName())
        .withTls(tls)
        .addNewRule()
        .withHost(ingress.getHost())
        .withNewHttp()
        .addNewPath().withPath("/").withPathType("Prefix")
        .withNewBackend().withNewService().withName(ResourceNames.frontend(app)).withNewPort().withName("http").endPort().endService().endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  /**
   * JOSDK's matcher only checks that what is desired is present, so a tls block the spec no longer asks
   * for would never count as a difference; the tls blocks are compared whole.
   */
  @Override
  public Result<Ingress> match(Ingress actual, Ingress desired, TaskApp primary, Context<TaskApp> context) {
    var result = super.match(actual, desired, primary, context);
    return result.matched() && !tls(actual).equals(tls(desired)) ? Result.computed(false, desired) : result;
  }

  private static List<IngressTLS> tls(Ingress ingress) {
    return ingress.getSpec() == null || ingress.getSpec().getTls() == null ? List.of() : ingress.getSpec().getTls();
  }

  @Override
  public Ingress update(Ingress actual, Ingress desired, TaskApp primary, Context<TaskApp> context) {
    return super.update(IngressAnnotations.withoutDropped(actual, desired), desired, primary, context);
  }
}
