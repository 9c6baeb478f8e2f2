package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** How the frontend is reached from outside the cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressSpec {

  @JsonPropertyDescription("DNS name the frontend answers on, e.g. tasks.example.com.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
  @Size(max = 253)
  private String host;

  @JsonPropertyDescription("IngressClass to use; the cluster's default class when unset.")
  @Size(min = 1, max = 253)
  private String className;

  @JsonPropertyDescription("Secret (type kubernetes.io/tls, in the TaskApp's namespace) holding the certificate for host. When set the Ingress terminates TLS and the URL is https://host. With cert-manager, name the Secret it should create and set its issuer annotation in annotations.")
  @Size(max = 253)
  @Pattern(TaskAppSpec.DNS_1123_SUBDOMAIN)
  private String tlsSecretName;

  @JsonPropertyDescription("Annotations put on the Ingress as given, for the Ingress controller or cert-manager, e.g. cert-manager.io/cluster-issuer: letsencrypt.")
  @Size(max = 32)
  private Map<String, String> annotations;

  public String getHost() { return host; }
  public void setHost(String host) { this.host = host; }
  public String getClassName() { return className; }
  public void setClassName(String className) { this.className = className; }
  public String getTlsSecretName() { return tlsSecretName; }
  public void setTlsSecretName(String tlsSecretName) { this.tlsSecretName = tlsSecretName; }
  public Map<String, String> getAnnotations() { return annotations; }
  public void setAnnotations(Map<String, String> annotations) { this.annotations = annotations; }
}
