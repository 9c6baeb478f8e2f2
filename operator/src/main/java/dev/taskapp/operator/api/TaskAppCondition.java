package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** A standard Kubernetes condition (the shape kubectl wait understands). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskAppCondition {

  @JsonPropertyDescription("DatabaseReady, BackendReady, FrontendReady or Ready.")
  private String type;

  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("A CamelCase word saying why, e.g. DatabaseNotReady or RollingOut.")
  private String reason;

  @JsonPropertyDescription("A sentence for humans.")
  private String message;

  @JsonPropertyDescription("When status last changed (RFC 3339). Not touched when only reason or message change.")
  private String lastTransitionTime;

  @JsonPropertyDescription("The metadata.generation this condition was computed for.")
  private Long observedGeneration;

  public TaskAppCondition() {}

  public TaskAppCondition(String type, String status, String reason, String message, String lastTransitionTime, Long observedGeneration) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.lastTransitionTime = lastTransitionTime;
    this.observedGeneration = observedGeneration;
  }

  @JsonIgnore
  public boolean isTrue() { return "True".equals(status); }

  public String getType() { return type; }
  public void setType(String type) { this.type = type; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public String getLastTransitionTime() { return lastTransitionTime; }
  public void setLastTransitionTime(String lastTransitionTime) { this.lastTransitionTime = lastTransitionTime; }
  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskAppCondition c
        && Objects.equals(type, c.type) && Objects.equals(status, c.status)
        && Objects.equals(reason, c.reason) && Objects.equals(message, c.message)
        && Objects.equals(lastTransitionTime, c.lastTransitionTime)
        && Objects.equals(observedGeneration, c.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, lastTransitionTime, observedGeneration);
  }

  @Override
  public String toString() {
    return type + "=" + status + " (" + reason + ": " + message + ")";
  }
}
