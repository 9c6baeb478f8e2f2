package dev.taskapp.operator.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Objects as deterministic multi-document YAML, sorted by kind, then name: policies and the Secret
 * first, then Services, then the workloads in start order (the db's StatefulSet before the
 * Deployments), then the Ingress — an order in which `kubectl apply -f` never meets a dangling reference.
 */
public final class Manifests {

  /** What render prints in place of each generated secret value (the operator makes random ones). */
  public static String placeholder(int length) {
    return "<generated: " + length + " random characters>";
  }

  private static final List<String> KIND_ORDER =
      List.of("NetworkPolicy", "Secret", "Service", "StatefulSet", "Deployment", "Ingress");

  private static final Comparator<HasMetadata> ORDER = Comparator
      .comparingInt((HasMetadata o) -> KIND_ORDER.indexOf(o.getKind()) < 0 ? KIND_ORDER.size() : KIND_ORDER.indexOf(o.getKind()))
      .thenComparing(HasMetadata::getKind)
      .thenComparing(o -> o.getMetadata().getName());

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Manifests() {}

  public static List<HasMetadata> sorted(List<HasMetadata> objects) {
    return objects.stream().sorted(ORDER).toList();
  }

  /** Every object as a YAML document; a Secret's values shown readably (stringData) rather than base64. */
  public static String yaml(List<HasMetadata> objects) {
    return sorted(objects).stream()
        .map(o -> o instanceof Secret secret ? readable(secret) : o)
        .map(SERIALIZATION::asYaml)
        .map(doc -> doc.startsWith("---\n") ? doc : "---\n" + doc)
        .collect(Collectors.joining());
  }

  private static Secret readable(Secret secret) {
    Map<String, String> values = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((key, value) ->
          values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
    }
    return new SecretBuilder(secret).withData(null).withStringData(values).build();
  }
}
