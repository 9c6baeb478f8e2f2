package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the operator observed, written by the operator only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskAppStatus {

  @JsonPropertyDescription("The metadata.generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("DatabaseReady, BackendReady, FrontendReady and Ready: whether each tier, and the whole TaskApp, serves.")
  private List<TaskAppCondition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Pods of the database tier.")
  private TierStatus database;

  @JsonPropertyDescription("Pods of the backend tier.")
  private TierStatus backend;

  @JsonPropertyDescription("Pods of the frontend tier.")
  private TierStatus frontend;

  @JsonPropertyDescription("Where the frontend answers: the Ingress host when there is one, else the in-cluster Service address.")
  private String url;

  public Optional<TaskAppCondition> condition(String type) {
    return conditions.stream().filter(c -> c.getType().equals(type)).findFirst();
  }

  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public List<TaskAppCondition> getConditions() { return conditions; }
  public void setConditions(List<TaskAppCondition> conditions) { this.conditions = conditions; }
  public TierStatus getDatabase() { return database; }
  public void setDatabase(TierStatus database) { this.database = database; }
  public TierStatus getBackend() { return backend; }
  public void setBackend(TierStatus backend) { this.backend = backend; }
  public TierStatus getFrontend() { return frontend; }
  public void setFrontend(TierStatus frontend) { this.frontend = frontend; }
  public String getUrl() { return url; }
  public void setUrl(String url) { this.url = url; }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaskAppStatus s
        && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(conditions, s.conditions)
        && Objects.equals(database, s.database)
        && Objects.equals(backend, s.backend)
        && Objects.equals(frontend, s.frontend)
        && Objects.equals(url, s.url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration, conditions, database, backend, frontend, url);
  }
}
