package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The REST API tier. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackendSpec implements TierSpec {

  @JsonPropertyDescription("Number of backend pods, 0 to 50. Default 1.")
  @Min(0)
  @Max(50)
  @Default("1")
  private Integer replicas;

  @JsonPropertyDescription("CPU and memory requests and limits of the backend container.")
  private ResourcesSpec resources;

  @JsonPropertyDescription("Extra environment variables for the backend container (name to value). The variables the operator sets (DATABASE_URL, SECRET_KEY, ...) cannot be overridden here.")
  @Size(max = 64)
  @ValidationRule(value = ENV_NAMES_RULE, message = ENV_NAMES_MESSAGE)
  private Map<String, String> env;

  @Override public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  @Override public ResourcesSpec getResources() { return resources; }
  public void setResources(ResourcesSpec resources) { this.resources = resources; }
  @Override public Map<String, String> getEnv() { return env; }
  public void setEnv(Map<String, String> env) { this.env = env; }
}
