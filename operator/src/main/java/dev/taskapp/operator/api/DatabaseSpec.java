package dev.taskapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The PostgreSQL tier. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatabaseSpec {

  public static final String DEFAULT_STORAGE = "1Gi";

  @JsonPropertyDescription("Size of the database volume, as a Kubernetes quantity (e.g. 1Gi, 10Gi). It may grow but never shrink. Default 1Gi.")
  @Default(DEFAULT_STORAGE)
  @Size(max = 32)
  @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$")
  @ValidationRule(value = "!quantity(self).isLessThan(quantity(oldSelf))", message = "storage may not shrink")
  private String storage;

  @JsonPropertyDescription("StorageClass of the database volume; the cluster's default class when unset. Immutable.")
  @Size(min = 1, max = 253)
  @ValidationRule(value = "self == oldSelf", message = "storageClassName is immutable")
  private String storageClassName;

  @JsonPropertyDescription("PostgreSQL image. Defaults to the operator's setting (postgres:17-alpine unless the operator was told otherwise). A change to another PostgreSQL major version is refused (the data directory needs a dump and restore); a minor version rolls.")
  @Size(min = 1, max = 512)
  private String image;

  @JsonPropertyDescription("What happens to the database volume when the TaskApp is deleted: Retain (default) keeps the PersistentVolumeClaim, Delete removes it.")
  @Default("Retain")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription("CPU and memory requests and limits of the PostgreSQL container.")
  private ResourcesSpec resources;

  public String getStorage() { return storage; }
  public void setStorage(String storage) { this.storage = storage; }
  public String getStorageClassName() { return storageClassName; }
  public void setStorageClassName(String storageClassName) { this.storageClassName = storageClassName; }
  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public DeletionPolicy getDeletionPolicy() { return deletionPolicy; }
  public void setDeletionPolicy(DeletionPolicy deletionPolicy) { this.deletionPolicy = deletionPolicy; }
  public ResourcesSpec getResources() { return resources; }
  public void setResources(ResourcesSpec resources) { this.resources = resources; }
}
