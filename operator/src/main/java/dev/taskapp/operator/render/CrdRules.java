package dev.taskapp.operator.render;

import dev.taskapp.operator.api.ComputeResources;
import dev.taskapp.operator.api.ResourcesSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.api.TierSpec;
import dev.taskapp.operator.core.ResourceNames;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The CRD's CEL rules that apply to a new TaskApp (x-kubernetes-validations without oldSelf), checked
 * in Java for render. Render runs no CEL engine: cel-java in the jar cost 7.8 MB, 0.5 to 1.2 s on every
 * render, and on JDK 25 a sun.misc.Unsafe warning on stderr (from protobuf), which broke the one-line
 * error. The bounds, patterns and messages are the constants the CEL rules are built from;
 * RenderRefusesWhatTheCrdRefusesTest evaluates the CRD's own rules with cel-java on the same TaskApps
 * and fails when a verdict or a message differs, or when the CRD has a rule render never reported.
 */
final class CrdRules {

  private static final Pattern DNS_1035_LABEL = Pattern.compile(TaskApp.DNS_1035_LABEL);
  private static final Pattern ENV_NAME = Pattern.compile(TierSpec.ENV_NAME);

  private CrdRules() {}

  /** The first rule the TaskApp breaks, as "field.path: message" (the message alone for a rule on the name). */
  static Optional<String> violation(TaskApp app) {
    var name = app.getMetadata().getName();
    if (name.length() > ResourceNames.MAX_NAME_LENGTH) {
      return Optional.of(TaskApp.NAME_LENGTH_MESSAGE);
    }
    if (!DNS_1035_LABEL.matcher(name).matches()) {
      return Optional.of(TaskApp.NAME_FORM_MESSAGE);
    }
    var spec = app.getSpec();
    if (spec == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(spec.getDatabase()).flatMap(db -> resources("spec.database", db.getResources()))
        .or(() -> tier("spec.backend", spec.getBackend())).or(() -> tier("spec.frontend", spec.getFrontend()));
  }

  private static Optional<String> tier(String path, TierSpec tier) {
    if (tier == null) {
      return Optional.empty();
    }
    return resources(path, tier.getResources()).or(() ->
        tier.getEnv() != null && !tier.getEnv().keySet().stream().allMatch(n -> ENV_NAME.matcher(n).matches())
            ? Optional.of(path + ".env: " + TierSpec.ENV_NAMES_MESSAGE) : Optional.empty());
  }

  private static Optional<String> resources(String path, ResourcesSpec resources) {
    if (resources != null && above(resources, ComputeResources::getCpu)) {
      return Optional.of(path + ".resources: " + ResourcesSpec.CPU_MESSAGE);
    }
    if (resources != null && above(resources, ComputeResources::getMemory)) {
      return Optional.of(path + ".resources: " + ResourcesSpec.MEMORY_MESSAGE);
    }
    return Optional.empty();
  }

  /** Whether the request is above the limit, when both are set (the schema has checked their form). */
  private static boolean above(ResourcesSpec resources, Function<ComputeResources, String> amount) {
    var request = Optional.ofNullable(resources.getRequests()).map(amount);
    var limit = Optional.ofNullable(resources.getLimits()).map(amount);
    return request.isPresent() && limit.isPresent()
        && new Quantity(request.get()).getNumericalAmount().compareTo(new Quantity(limit.get()).getNumericalAmount()) > 0;
  }
}
