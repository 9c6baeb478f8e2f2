package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** Full image references that replace the defaults derived from the version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImagesSpec {

  @JsonPropertyDescription("Backend image reference, e.g. registry.example.com/taskapp/backend:0.1.0. Overrides spec.version for the backend.")
  @Size(min = 1, max = 512)
  private String backend;

  @JsonPropertyDescription("Frontend image reference, e.g. registry.example.com/taskapp/frontend:0.1.0. Overrides spec.version for the frontend.")
  @Size(min = 1, max = 512)
  private String frontend;

  public String getBackend() { return backend; }
  public void setBackend(String backend) { this.backend = backend; }
  public String getFrontend() { return frontend; }
  public void setFrontend(String frontend) { this.frontend = frontend; }
}
