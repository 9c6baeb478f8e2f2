package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Pod counts of one tier. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TierStatus {

  @JsonPropertyDescription("Pods of the tier that are Ready.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Pods the tier should have.")
  private Integer replicas;

  @JsonPropertyDescription("readyReplicas/replicas, as kubectl shows it.")
  private String ready;

  public TierStatus() {}

  public TierStatus(int readyReplicas, int replicas) {
    this.readyReplicas = readyReplicas;
    this.replicas = replicas;
    this.ready = readyReplicas + "/" + replicas;
  }

  public Integer getReadyReplicas() { return readyReplicas; }
  public void setReadyReplicas(Integer readyReplicas) { this.readyReplicas = readyReplicas; }
  public Integer getReplicas() { return replicas; }
  public void setReplicas(Integer replicas) { this.replicas = replicas; }
  public String getReady() { return ready; }
  public void setReady(String ready) { this.ready = ready; }

  @Override
  public boolean equals(Object o) {
    return o instanceof TierStatus t && Objects.equals(readyReplicas, t.readyReplicas)
        && Objects.equals(replicas, t.replicas) && Objects.equals(ready, t.ready);
  }

  @Override
  public int hashCode() {
    return Objects.hash(readyReplicas, replicas, ready);
  }
}
