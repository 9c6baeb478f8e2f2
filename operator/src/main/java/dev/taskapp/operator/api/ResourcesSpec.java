package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Requests and limits of a tier's container; unset values take the operator's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcesSpec {

  @JsonPropertyDescription("What the scheduler reserves for each pod of the tier.")
  private ComputeResources requests;

  @JsonPropertyDescription("The most each pod of the tier may use.")
  private ComputeResources limits;

  public ComputeResources getRequests() { return requests; }
  public void setRequests(ComputeResources requests) { this.requests = requests; }
  public ComputeResources getLimits() { return limits; }
  public void setLimits(ComputeResources limits) { this.limits = limits; }
}
