package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What the user asks for. Every field is optional: an empty spec gives a working stack. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TaskAppSpec {

  /** A Secret's name (Kubernetes' DNS-1123 subdomain). */
  public static final String DNS_1123_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  @JsonPropertyDescription("Version of TaskApp to run: the image tag of the backend and the frontend. Defaults to the operator's own version. Changing it rolls both tiers.")
  @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
  private String version;

  @JsonPropertyDescription("Image overrides, for a private registry or a patched build. When unset, taskapp/backend:<version> and taskapp/frontend:<version> are used.")
  private ImagesSpec images;

  @JsonPropertyDescription("Names of Secrets (type kubernetes.io/dockerconfigjson, in the TaskApp's namespace) the kubelet uses to pull the images of every pod of this TaskApp, for a private registry.")
  @Size(max = 16)
  private List<@Size(max = 253) @Pattern(DNS_1123_SUBDOMAIN) String> imagePullSecrets;

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
  public List<String> getImagePullSecrets() { return imagePullSecrets; }
  public void setImagePullSecrets(List<String> imagePullSecrets) { this.imagePullSecrets = imagePullSecrets; }
  public DatabaseSpec getDatabase() { return database; }
  public void setDatabase(DatabaseSpec database) { this.database = database; }
  public BackendSpec getBackend() { return backend; }
  public void setBackend(BackendSpec backend) { this.backend = backend; }
  public FrontendSpec getFrontend() { return frontend; }
  public void setFrontend(FrontendSpec frontend) { this.frontend = frontend; }
}
