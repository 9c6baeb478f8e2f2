package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** What the user asks for. Every field is optional: an empty spec gives a working stack. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskAppSpec {

  @JsonPropertyDescription("Version of TaskApp to run: the image tag of the backend and the frontend. Defaults to the operator's own version. Changing it rolls both tiers.")
  @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
  private String version;

  @JsonPropertyDescription("Image overrides, for a private registry or a patched build. When unset, taskapp/backend:<version> and taskapp/frontend:<version> are used.")
  private ImagesSpec images;

  @JsonPropertyDescription("The PostgreSQL database: storage, image and what happens to its data when the TaskApp is deleted.")
  private DatabaseSpec database;

  @JsonPropertyDescription("The REST API tier (port 5000).")
  private BackendSpec backend;

  @JsonPropertyDescription("The web UI tier (port 3000), optionally exposed through an Ingress.")
  private FrontendSpec frontend;

  public String getVersion() { return version; }
  public void setVersion(String version) { this.version = version; }
  public ImagesSpec getImages() { return images; }
  public void setImages(ImagesSpec images) { this.images = images; }
  public DatabaseSpec getDatabase() { return database; }
  public void setDatabase(DatabaseSpec database) { this.database = database; }
  public BackendSpec getBackend() { return backend; }
  public void setBackend(BackendSpec backend) { this.backend = backend; }
  public FrontendSpec getFrontend() { return frontend; }
  public void setFrontend(FrontendSpec frontend) { this.frontend = frontend; }
}
