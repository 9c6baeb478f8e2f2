package dev.taskapp.operator.it;

import static dev.taskapp.operator.it.PatchSemanticsTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The strict double refuses, as the API server (Kubernetes 1.31) does, what its validation refuses: one test per rule. */
class ObjectValidationTest {

  private static final String NS = "validation";

  @AutoClose
  private static final MockCluster cluster = new MockCluster();

  @Test
  void aWellFormedDeploymentIsAccepted() {
    assertThat(create(deployment("web", c -> c))).isNotNull();
  }

  @Test
  void mostNamesAreDns1123Subdomains() {
    assertInvalid(() -> create(deployment("Web_1", c -> c)), "Deployment.apps \"Web_1\" is invalid: metadata.name: "
        + "Invalid value: \"Web_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
        + "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')", "metadata.name");
  }

  @Test
  void aDns1123SubdomainIsAtMost253Characters() {
    var name = "s".repeat(254);
    assertInvalid(() -> create(new SecretBuilder().withNewMetadata().withName(name).endMetadata().build()),
        "Secret \"" + name + "\" is invalid: metadata.name: Invalid value: \"" + name + "\": must be no more than 253 characters",
        "metadata.name");
  }

  @Test
  void serviceNamesAreDns1035LabelsStartingWithALetter() {
    assertInvalid(() -> create(service("1-web", 80)), "Service \"1-web\" is invalid: metadata.name: Invalid value: \"1-web\": "
        + "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, "
        + "and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        "metadata.name");
  }

  @Test
  void statefulSetNamesOver52CharactersAreRefusedByTheStatefulSetControllersRuleNotTheApiServers() {
    var name = "d".repeat(53);
    assertThatThrownBy(() -> create(statefulSet(name))).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
      assertThat(e.getCode()).isEqualTo(422);
      assertThat(e.getStatus().getMessage()).contains("metadata.name: Invalid value: \"" + name
          + "\": must be no more than 52 characters (the StatefulSet controller's rule, not the API server's");
    });
    assertThat(create(statefulSet("d".repeat(52)))).isNotNull();
  }

  @Test
  void labelKeysAreQualifiedNames() {
    assertInvalid(() -> create(new DeploymentBuilder(deployment("bad-key", c -> c)).editMetadata().addToLabels("-team", "x").endMetadata().build()),
        "Deployment.apps \"bad-key\" is invalid: metadata.labels: Invalid value: \"-team\": name part must consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  "
            + "or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')", "metadata.labels");
  }

  @Test
  void labelValuesOfAPodTemplateAreAtMost63Characters() {
    var value = "v".repeat(64);
    var deployment = new DeploymentBuilder(deployment("long-value", c -> c)).editSpec().editTemplate().editMetadata().addToLabels("note", value)
        .endMetadata().endTemplate().endSpec().build();
    assertInvalid(() -> create(deployment), "Deployment.apps \"long-value\" is invalid: spec.template.metadata.labels: "
        + "Invalid value: \"" + value + "\": must be no more than 63 characters", "spec.template.metadata.labels");
  }

  @Test
  void theSelectorMustMatchThePodTemplatesLabels() {
    var deployment = new DeploymentBuilder(deployment("unmatched", c -> c)).editSpec().editSelector().addToMatchLabels("tier", "web").endSelector()
        .endSpec().build();
    assertInvalid(() -> create(deployment), "Deployment.apps \"unmatched\" is invalid: spec.template.metadata.labels: "
        + "Invalid value: map[string]string{\"app\":\"unmatched\"}: `selector` does not match template `labels`",
        "spec.template.metadata.labels");
  }

  @Test
  void containerNamesAreDns1123LabelsAndUnique() {
    var deployment = new DeploymentBuilder(deployment("containers", c -> c.withName("App"))).editSpec().editTemplate().editSpec()
        .addNewContainer().withName("App").withImage("x").endContainer().endSpec().endTemplate().endSpec().build();
    assertThatThrownBy(() -> create(deployment)).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
      assertThat(e.getCode()).isEqualTo(422);
      assertThat(e.getStatus().getDetails().getCauses()).extracting(c -> c.getField() + " " + c.getReason()).containsExactly(
          "spec.template.spec.containers[0].name FieldValueInvalid",
          "spec.template.spec.containers[1].name FieldValueInvalid",
          "spec.template.spec.containers[1].name FieldValueDuplicate");
      assertThat(e.getStatus().getMessage()).startsWith("Deployment.apps \"containers\" is invalid: [spec.template.spec.containers[0].name: "
          + "Invalid value: \"App\": a lowercase RFC 1123 label must consist of").endsWith(
          "spec.template.spec.containers[1].name: Duplicate value: \"App\"]");
    });
  }

  @Test
  void containerPortNamesAreIanaServiceNames() {
    var deployment = deployment("port-names", c -> c.addNewPort().withName("http-endpoint-01").withContainerPort(80).endPort()
        .addNewPort().withName("8080").withContainerPort(8080).endPort());
    assertInvalid(() -> create(deployment), "Deployment.apps \"port-names\" is invalid: ["
        + "spec.template.spec.containers[0].ports[0].name: Invalid value: \"http-endpoint-01\": must be no more than 15 characters, "
        + "spec.template.spec.containers[0].ports[1].name: Invalid value: \"8080\": must contain at least one letter (a-z)]",
        "spec.template.spec.containers[0].ports[0].name", "spec.template.spec.containers[0].ports[1].name");
  }

  @Test
  void containerPortNamesAreUniqueWithinAContainer() {
    var deployment = deployment("port-twice", c -> c.addNewPort().withName("http").withContainerPort(80).endPort()
        .addNewPort().withName("http").withContainerPort(8080).endPort());
    assertInvalid(() -> create(deployment), "Deployment.apps \"port-twice\" is invalid: "
        + "spec.template.spec.containers[0].ports[1].name: Duplicate value: \"http\"", "spec.template.spec.containers[0].ports[1].name");
  }

  @Test
  void envVarNamesFollowTheCIdentifierLikeRuleOfKubernetes131() {
    var deployment = deployment("env", c -> c.addNewEnv().withName("1ST").withValue("x").endEnv());
    assertInvalid(() -> create(deployment), "Deployment.apps \"env\" is invalid: spec.template.spec.containers[0].env[0].name: "
        + "Invalid value: \"1ST\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', "
        + "and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is "
        + "'[-._a-zA-Z][-._a-zA-Z0-9]*')", "spec.template.spec.containers[0].env[0].name");
  }

  @Test
  void aResourceRequestIsAtMostItsLimit() {
    var deployment = deployment("greedy", c -> c.withNewResources().addToRequests("cpu", new Quantity("2"))
        .addToLimits("cpu", new Quantity("1")).addToRequests("memory", new Quantity("256Mi"))
        .addToLimits("memory", new Quantity("1Gi")).endResources());
    assertInvalid(() -> create(deployment), "Deployment.apps \"greedy\" is invalid: spec.template.spec.containers[0].resources.requests: "
        + "Invalid value: \"2\": must be less than or equal to cpu limit of 1", "spec.template.spec.containers[0].resources.requests");
  }

  @Test
  void aQuantityOutsideTheGrammarFailsDecodingWith400() {
    var deployment = deployment("unparseable", c -> c.withNewResources().addToLimits("memory", new Quantity("lots")).endResources());
    assertRefused(() -> create(deployment), 400, "BadRequest", "Deployment in version \"v1\" cannot be handled as a Deployment: "
        + "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  }

  @Test
  void aVolumeMountNamesAVolumeOfThePod() {
    var deployment = deployment("mounts", c -> c.addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount());
    assertInvalid(() -> create(deployment), "Deployment.apps \"mounts\" is invalid: "
        + "spec.template.spec.containers[0].volumeMounts[0].name: Not found: \"data\"", "spec.template.spec.containers[0].volumeMounts[0].name");
  }

  @Test
  void servicePortsNeedNamesWhenThereIsMoreThanOneAndTheNamesAreDns1123Labels() {
    var unnamed = new ServiceBuilder(service("two", 80)).editSpec().addNewPort().withPort(81).endPort().endSpec().build();
    unnamed.getSpec().getPorts().get(0).setName(null);
    assertInvalid(() -> create(unnamed), "Service \"two\" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]",
        "spec.ports[0].name", "spec.ports[1].name");
    var badName = new ServiceBuilder(service("bad-port", 80)).editSpec().editFirstPort().withName("Web").endPort().endSpec().build();
    assertThatThrownBy(() -> create(badName)).isInstanceOfSatisfying(KubernetesClientException.class,
        e -> assertThat(e.getStatus().getMessage()).startsWith("Service \"bad-port\" is invalid: spec.ports[0].name: "
            + "Invalid value: \"Web\": a lowercase RFC 1123 label must consist of"));
  }

  @Test
  void aServiceTargetPortByNameIsAnIanaServiceName() {
    var service = new ServiceBuilder(service("target", 80)).editSpec().editFirstPort().withTargetPort(new IntOrString("web_port"))
        .endPort().endSpec().build();
    assertInvalid(() -> create(service), "Service \"target\" is invalid: spec.ports[0].targetPort: Invalid value: \"web_port\": "
        + "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "spec.ports[0].targetPort");
  }

  @Test
  void secretDataKeysAreConfigKeys() {
    var secret = new SecretBuilder().withNewMetadata().withName("keys").endMetadata().addToStringData("db/password", "x").build();
    assertInvalid(() -> create(secret), "Secret \"keys\" is invalid: data[db/password]: Invalid value: \"db/password\": "
        + "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or "
        + "'key-name', regex used for validation is '[-._a-zA-Z0-9]+')", "data[db/password]");
  }

  @Test
  void aClaimRequestsStorageAboveZero() {
    var claim = new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("0")).endResources().endSpec().build();
    assertInvalid(() -> create(claim), "PersistentVolumeClaim \"data\" is invalid: spec.resources[storage]: Invalid value: \"0\": "
        + "must be greater than zero", "spec.resources[storage]");
    var none = new PersistentVolumeClaimBuilder(claim).editSpec().withNewResources().endResources().endSpec().build();
    assertInvalid(() -> create(none), "PersistentVolumeClaim \"data\" is invalid: spec.resources[storage]: Required value",
        "spec.resources[storage]");
  }

  @Test
  void anIngressPathOfTypePrefixIsAbsolute() {
    var ingress = new IngressBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().addNewRule()
        .withHost("tasks.example.com").withNewHttp().addNewPath().withPath("api").withPathType("Prefix").withNewBackend()
        .withNewService().withName("web").withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
        .endHttp().endRule().endSpec().build();
    assertInvalid(() -> create(ingress), "Ingress.networking.k8s.io \"web\" is invalid: spec.rules[0].http.paths[0].path: "
        + "Invalid value: \"api\": must be an absolute path", "spec.rules[0].http.paths[0].path");
  }

  @Test
  void aNetworkPolicyPortByNameIsAnIanaServiceName() {
    var policy = new NetworkPolicyBuilder().withNewMetadata().withName("db").endMetadata().withNewSpec().withNewPodSelector()
        .addToMatchLabels("app", "db").endPodSelector().addNewIngress().addNewPort().withPort(new IntOrString("POSTGRES"))
        .endPort().endIngress().endSpec().build();
    assertInvalid(() -> create(policy), "NetworkPolicy.networking.k8s.io \"db\" is invalid: [spec.ingress[0].ports[0].port: "
        + "Invalid value: \"POSTGRES\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), "
        + "spec.ingress[0].ports[0].port: Invalid value: \"POSTGRES\": must contain at least one letter (a-z)]",
        "spec.ingress[0].ports[0].port", "spec.ingress[0].ports[0].port");
  }

  @Test
  void theObjectAPatchLeavesIsValidatedToo() {
    create(deployment("patched", c -> c));
    assertInvalid(() -> cluster.client().apps().deployments().inNamespace(NS).withName("patched")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"bad key\":\"x\"}}}"),
        "Deployment.apps \"patched\" is invalid: metadata.labels: Invalid value: \"bad key\": name part must consist of "
            + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  "
            + "or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        "metadata.labels");
  }

  @Test
  void aStatefulSetUpdateMayChangeReplicasAndTemplateButNotItsClaimTemplates() {
    var created = (io.fabric8.kubernetes.api.model.apps.StatefulSet) create(statefulSet("db-update"));
    var scaled = new StatefulSetBuilder(created).editSpec().withReplicas(2).endSpec().build();
    assertThat(cluster.client().resource(scaled).update().getSpec().getReplicas()).isEqualTo(2);

    var current = cluster.client().apps().statefulSets().inNamespace(NS).withName("db-update").get();
    var grown = new StatefulSetBuilder(current).editSpec().editFirstVolumeClaimTemplate().editSpec().editResources()
        .addToRequests("storage", new Quantity("2Gi")).endResources().endSpec().endVolumeClaimTemplate().endSpec().build();
    assertInvalid(() -> cluster.client().resource(grown).update(), "StatefulSet.apps \"db-update\" is invalid: spec: Forbidden: "
        + "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', "
        + "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden", "spec");
  }

  @Test
  void aDeploymentsSelectorIsImmutable() {
    var created = (io.fabric8.kubernetes.api.model.apps.Deployment) create(deployment("selector", c -> c));
    var changed = new DeploymentBuilder(created).editSpec().editSelector().addToMatchLabels("tier", "web").endSelector()
        .editTemplate().editMetadata().addToLabels("tier", "web").endMetadata().endTemplate().endSpec().build();
    assertInvalid(() -> cluster.client().resource(changed).update(), "Deployment.apps \"selector\" is invalid: spec.selector: "
        + "Invalid value: \"{\\\"matchLabels\\\":{\\\"app\\\":\\\"selector\\\",\\\"tier\\\":\\\"web\\\"}}\": field is immutable", "spec.selector");
  }

  @Test
  void aClaimsStorageRequestMayGrowButNotShrinkAndTheRestOfItsSpecIsImmutable() {
    create(new PersistentVolumeClaimBuilder().withNewMetadata().withName("grow").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build());
    var claim = cluster.client().persistentVolumeClaims().inNamespace(NS).withName("grow");
    claim.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"2Gi\"}}}}");
    assertThat(claim.get().getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("2Gi"));

    assertInvalid(() -> claim.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}}"),
        "PersistentVolumeClaim \"grow\" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than previous value",
        "spec.resources.requests.storage");
    assertInvalid(() -> claim.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"storageClassName\":\"fast\"}}"),
        "PersistentVolumeClaim \"grow\" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests for bound claims",
        "spec");
  }

  @Test
  void theDataOfAnImmutableSecretCannotChange() {
    create(new SecretBuilder().withNewMetadata().withName("frozen").endMetadata().withImmutable(true).addToData("k", "dg==").build());
    assertInvalid(() -> cluster.client().secrets().inNamespace(NS).withName("frozen")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"k\":\"dw==\"}}"),
        "Secret \"frozen\" is invalid: data: Forbidden: field is immutable when `immutable` is set", "data");
  }

  private static HasMetadata create(HasMetadata object) {
    return cluster.client().resource(object).inNamespace(NS).create();
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message, String... fields) {
    assertThatThrownBy(call).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
      assertThat(e.getCode()).isEqualTo(422);
      assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
      assertThat(e.getStatus().getMessage()).isEqualTo(message);
      assertThat(e.getStatus().getDetails().getCauses()).extracting(c -> c.getField()).containsExactly(fields);
    });
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(String name, UnaryOperator<ContainerBuilder> container) {
    return new DeploymentBuilder().withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addToContainers(container.apply(new ContainerBuilder().withName("app").withImage("app:1")).build()).endSpec()
        .endTemplate().endSpec().build();
  }

  private static io.fabric8.kubernetes.api.model.apps.StatefulSet statefulSet(String name) {
    return new StatefulSetBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withServiceName("db").withNewSelector().addToMatchLabels("app", "db").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "db").endMetadata()
        .withNewSpec().addNewContainer().withName("db").withImage("postgres:17").addNewVolumeMount().withName("data")
        .withMountPath("/var/lib/postgresql/data").endVolumeMount().endContainer().endSpec().endTemplate()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec().withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().endVolumeClaimTemplate()
        .endSpec().build();
  }

  private static io.fabric8.kubernetes.api.model.Service service(String name, int port) {
    return new ServiceBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().addToSelector("app", name)
        .addNewPort().withName("http").withPort(port).endPort().endSpec().build();
  }
}
