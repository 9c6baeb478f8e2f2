package dev.taskapp.operator.status;

import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.backend.BackendDeploymentDependentResource;
import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.core.EffectiveSpec;
import dev.taskapp.operator.core.Tier;
import dev.taskapp.operator.frontend.FrontendDeploymentDependentResource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mistakes in a spec that the CRD schema cannot reject: an env entry naming a variable the operator
 * sets (it would be ignored silently), an image reference that breaks the image-name grammar. They make Ready False
 * with reason {@link ConditionTypes#REASON_INVALID_SPEC}; the stack is still kept running.
 */
public final class SpecProblems {

  // The image reference grammar of github.com/distribution/reference (IPv6 registry hosts left out).
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String HOST = "[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?";
  private static final Pattern IMAGE = Pattern.compile("(?:" + HOST + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*"
      + "(?::\\w[\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?");

  private SpecProblems() {}

  /** Each problem as "field: what is wrong", in spec order; empty when the spec is sound. */
  public static List<String> of(TaskApp app) {
    var spec = new EffectiveSpec(app, Defaults.builtIn());
    var problems = new ArrayList<String>();
    image(problems, "spec.database.image", spec.image(Tier.DATABASE));
    image(problems, "spec.images.backend", spec.image(Tier.BACKEND));
    image(problems, "spec.images.frontend", spec.image(Tier.FRONTEND));
    managed(problems, "spec.backend.env", spec.extraEnv(Tier.BACKEND), BackendDeploymentDependentResource.managedEnv(spec));
    managed(problems, "spec.frontend.env", spec.extraEnv(Tier.FRONTEND), FrontendDeploymentDependentResource.managedEnv(spec));
    return problems;
  }

  private static void image(List<String> problems, String field, String image) {
    if (!IMAGE.matcher(image).matches()) {
      problems.add(field + ": \"" + image + "\" is not a valid image reference (e.g. registry.example.com/team/app:1.2)");
    }
  }

  private static void managed(List<String> problems, String field, Map<String, String> env, List<EnvVar> managed) {
    managed.stream().map(EnvVar::getName).filter(env::containsKey).forEach(name ->
        problems.add(field + "." + name + ": set by the operator, cannot be overridden"));
  }
}
