package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** An amount of CPU and memory. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeResources {

  @JsonPropertyDescription("CPU as a Kubernetes quantity, e.g. 100m or 1.")
  @Pattern("^[0-9]+(\\.[0-9]+)?m?$")
  @Size(max = 32) // bounds what the API server estimates the CEL rules on ResourcesSpec to cost
  private String cpu;

  @JsonPropertyDescription("Memory as a Kubernetes quantity, e.g. 256Mi or 1Gi.")
  @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$")
  @Size(max = 32)
  private String memory;

  public ComputeResources() {}

  public ComputeResources(String cpu, String memory) {
    this.cpu = cpu;
    this.memory = memory;
  }

  public String getCpu() { return cpu; }
  public void setCpu(String cpu) { this.cpu = cpu; }
  public String getMemory() { return memory; }
  public void setMemory(String memory) { this.memory = memory; }
}
