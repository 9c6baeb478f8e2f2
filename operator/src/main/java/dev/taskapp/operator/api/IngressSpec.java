package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

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

  public String getHost() { return host; }
  public void setHost(String host) { this.host = host; }
  public String getClassName() { return className; }
  public void setClassName(String className) { this.className = className; }
}
