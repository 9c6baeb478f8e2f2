package dev.taskapp.operator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.FrontendSpec;
import dev.taskapp.operator.api.IngressSpec;
import dev.taskapp.operator.api.TaskApp;
import dev.taskapp.operator.core.ResourceNames;
import dev.taskapp.operator.reconciler.DesiredObjects;
import dev.taskapp.operator.render.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: a TaskApp's name is part of every child's name and a label value. The CRD refuses a name
 * one character longer than ResourceNames.MAX_NAME_LENGTH, and every child of the longest accepted
 * name is valid as the API server checks it.
 */
class LongestTaskAppNameTest {

  private static final Pattern DNS_1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  /** What the StatefulSet controller appends to make a ControllerRevision's name, the pods' controller-revision-hash. */
  private static final String REVISION_HASH = "-" + "7c5d8f9b4x";

  private final TaskAppCrdRules crd = crd();

  private static TaskAppCrdRules crd() {
    try {
      return new TaskAppCrdRules(Path.of("../k8s/crd/taskapps.taskapp.dev-v1.yml"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCrdAcceptsTheLongestNameAndRefusesOneCharacterMore() {
    assertThat(crd.create(taskApp(name(ResourceNames.MAX_NAME_LENGTH)))).isEmpty();
    assertThat(crd.create(taskApp(name(ResourceNames.MAX_NAME_LENGTH + 1)))).singleElement()
        .satisfies(e -> assertThat(e).contains("metadata.name may have at most " + ResourceNames.MAX_NAME_LENGTH + " characters"));
    assertThat(crd.create(taskApp(name(60)))).singleElement().satisfies(e -> assertThat(e).contains("NAME-db"));
  }

  @Test
  void everyChildOfTheLongestNameIsValid() {
    assertThat(problems(children(name(ResourceNames.MAX_NAME_LENGTH)))).isEmpty();
  }

  @Test
  void oneCharacterMoreWouldMakeAChildInvalid() {
    // The bound is tight, not merely safe: this is why the CRD refuses MAX_NAME_LENGTH + 1.
    assertThat(problems(children(name(ResourceNames.MAX_NAME_LENGTH + 1)))).isNotEmpty()
        .allSatisfy(p -> assertThat(p).startsWith("StatefulSet/"));
  }

  /** A name of the given length, as a user would write it. */
  private static String name(int length) {
    var name = new StringBuilder("tasks-");
    while (name.length() < length) {
      name.append((char) ('a' + name.length() % 26));
    }
    return name.substring(0, length);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> taskApp(String name) {
    return new KubernetesSerialization().unmarshal(
        "apiVersion: taskapp.dev/v1alpha1\nkind: TaskApp\nmetadata: {name: " + name + "}\nspec: {}\n", Map.class);
  }

  /** Everything render prints, with an Ingress so that is checked too. */
  private static List<HasMetadata> children(String name) {
    TaskApp app = TestTaskApps.minimal(name);
    var frontend = new FrontendSpec();
    var ingress = new IngressSpec();
    ingress.setHost("tasks.example.com");
    frontend.setIngress(ingress);
    app.getSpec().setFrontend(frontend);
    return DesiredObjects.of(app, TestTaskApps.DEFAULTS, Manifests::placeholder);
  }

  /** What the API server (or a controller, for the pods and claims it makes) would refuse, as "Kind/name: problem". */
  private static List<String> problems(List<HasMetadata> objects) {
    var problems = new ArrayList<String>();
    for (var object : objects) {
      var name = object.getMetadata().getName();
      var where = object.getKind() + "/" + name + ": ";
      switch (object.getKind()) {
        case "Service" -> check(problems, where + "Service name (DNS-1035 label)", name, DNS_1035_LABEL, 63);
        case "StatefulSet" -> {
          var statefulSet = (StatefulSet) object;
          check(problems, where + "StatefulSet name", name, DNS_1123_SUBDOMAIN, 253);
          check(problems, where + "controller-revision-hash label", name + REVISION_HASH, LABEL_VALUE, 63);
          check(problems, where + "pod hostname", name + "-0", DNS_1035_LABEL, 63);
          for (var claim : statefulSet.getSpec().getVolumeClaimTemplates()) {
            check(problems, where + "claim", claim.getMetadata().getName() + "-" + name + "-0", DNS_1123_SUBDOMAIN, 253);
            labels(problems, where + "claim label ", claim.getMetadata().getLabels());
          }
          labels(problems, where + "pod label ", statefulSet.getSpec().getTemplate().getMetadata().getLabels());
          labels(problems, where + "selector ", statefulSet.getSpec().getSelector().getMatchLabels());
        }
        case "Deployment" -> {
          var deployment = (Deployment) object;
          check(problems, where + "Deployment name", name, DNS_1123_SUBDOMAIN, 253);
          labels(problems, where + "pod label ", deployment.getSpec().getTemplate().getMetadata().getLabels());
          labels(problems, where + "selector ", deployment.getSpec().getSelector().getMatchLabels());
        }
        default -> check(problems, where + "name", name, DNS_1123_SUBDOMAIN, 253);
      }
      labels(problems, where + "label ", object.getMetadata().getLabels());
    }
    return problems;
  }

  private static void labels(List<String> problems, String where, Map<String, String> labels) {
    if (labels != null) {
      labels.forEach((key, value) -> check(problems, where + key, value, LABEL_VALUE, 63));
    }
  }

  private static void check(List<String> problems, String what, String value, Pattern pattern, int max) {
    if (value.length() > max || !pattern.matcher(value).matches()) {
      problems.add(what + " \"" + value + "\" (" + value.length() + " characters, at most " + max + ")");
    }
  }
}
