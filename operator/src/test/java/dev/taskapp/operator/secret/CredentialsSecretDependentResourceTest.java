package dev.taskapp.operator.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.core.Labels;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsSecretDependentResourceTest {

  private final CredentialsSecretDependentResource dependent = new CredentialsSecretDependentResource();

  @Test
  void holdsRandomUrlSafeValuesForTheThreeSecrets() {
    var app = TestTaskApps.minimal("demo");
    var secret = dependent.desired(app);

    assertThat(secret.getMetadata().getName()).isEqualTo("demo-credentials");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo(TestTaskApps.NAMESPACE);
    assertThat(secret.getMetadata().getLabels()).containsEntry(Labels.INSTANCE, "demo").containsEntry(Labels.MANAGED_BY, Labels.OPERATOR);
    assertThat(secret.getData()).containsOnlyKeys("database-password", "secret-key", "jwt-secret-key");
    var password = new String(Base64.getDecoder().decode(secret.getData().get("database-password")));
    assertThat(password).hasSize(32).matches("[A-Za-z0-9]+");
    assertThat(new String(Base64.getDecoder().decode(secret.getData().get("jwt-secret-key")))).hasSize(64);
    assertThat(dependent.desired(app).getData().get("database-password")).isNotEqualTo(secret.getData().get("database-password"));
  }

  @Test
  void isOwnedOnlyWhenTheDataIsDeletedWithTheTaskApp() {
    var retained = TestTaskApps.minimal("demo");
    assertThat(dependent.desired(retained).getMetadata().getOwnerReferences()).isEmpty();

    var deleted = TestTaskApps.full("demo");
    assertThat(dependent.desired(deleted).getMetadata().getOwnerReferences())
        .singleElement().satisfies(ref -> {
          assertThat(ref.getUid()).isEqualTo(deleted.getMetadata().getUid());
          assertThat(ref.getKind()).isEqualTo("TaskApp");
        });
  }

  @Test
  void isFoundByItsInstanceLabel() {
    var secret = dependent.desired(TestTaskApps.minimal("demo"));
    assertThat(dependent.toPrimaryResourceIDs(secret)).singleElement()
        .satisfies(id -> assertThat(id.getName()).isEqualTo("demo"));
  }

  @Test
  void offlineValuesComeFromTheGivenGenerator() {
    var placeholders = new CredentialsSecretDependentResource(length -> "x".repeat(length));
    var secret = placeholders.desired(TestTaskApps.minimal("demo"));
    assertThat(new String(Base64.getDecoder().decode(secret.getData().get("secret-key")))).isEqualTo("x".repeat(64));
  }
}
