package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Requests and limits of a tier's container; unset values take the operator's defaults, which never
 * cross what the spec sets (EffectiveSpec). The API server refuses a container whose request is above
 * its limit, so the CRD refuses such a spec instead of the Deployment failing after the database is up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.requests) || !has(self.requests.cpu) || !has(self.limits) || !has(self.limits.cpu)"
        + " || quantity(self.requests.cpu).compareTo(quantity(self.limits.cpu)) <= 0",
    message = ResourcesSpec.CPU_MESSAGE)
@ValidationRule(
    value = "!has(self.requests) || !has(self.requests.memory) || !has(self.limits) || !has(self.limits.memory)"
        + " || quantity(self.requests.memory).compareTo(quantity(self.limits.memory)) <= 0",
    message = ResourcesSpec.MEMORY_MESSAGE)
public class ResourcesSpec {

  public static final String CPU_MESSAGE = "requests.cpu is above limits.cpu: a container may not request more than"
      + " its limit; lower requests.cpu or raise limits.cpu";
  public static final String MEMORY_MESSAGE = "requests.memory is above limits.memory: a container may not request"
      + " more than its limit; lower requests.memory or raise limits.memory";

  @JsonPropertyDescription("What the scheduler reserves for each pod of the tier.")
  private ComputeResources requests;

  @JsonPropertyDescription("The most each pod of the tier may use.")
  private ComputeResources limits;

  public ComputeResources getRequests() { return requests; }
  public void setRequests(ComputeResources requests) { this.requests = requests; }
  public ComputeResources getLimits() { return limits; }
  public void setLimits(ComputeResources limits) { this.limits = limits; }
}
