package dev.taskapp.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskapp.operator.TestTaskApps;
import dev.taskapp.operator.api.BackendSpec;
import dev.taskapp.operator.api.DatabaseSpec;
import dev.taskapp.operator.api.ImagesSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecProblemsTest {

  @Test
  void aSoundSpecHasNone() {
    assertThat(SpecProblems.of(TestTaskApps.minimal("demo"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres:17-alpine", "registry.example.com:5000/team/app:1.2", "localhost/app",
      "ghcr.io/org/sub/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "a__b/c-d.e:v1_2-3"})
  void acceptsValidImageReferences(String image) {
    var app = TestTaskApps.minimal("demo");
    app.getSpec().setDatabase(new DatabaseSpec());
    app.getSpec().getDatabase().setImage(image);
    assertThat(SpecProblems.of(app)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Postgres:17", "postgres:", "post gres", "https://registry.example.com/app:1", "app:-bad", "/app", "app@sha256:short"})
  void rejectsInvalidImageReferences(String image) {
    var app = TestTaskApps.minimal("demo");
    app.getSpec().setImages(new ImagesSpec());
    app.getSpec().getImages().setFrontend(image);
    assertThat(SpecProblems.of(app)).singleElement().asString()
        .isEqualTo("spec.images.frontend: \"" + image + "\" is not a valid image reference (e.g. registry.example.com/team/app:1.2)");
  }

  @Test
  void namesEachManagedVariableTheSpecTriesToOverride() {
    var app = TestTaskApps.minimal("demo");
    app.getSpec().setBackend(new BackendSpec());
    app.getSpec().getBackend().setEnv(Map.of("SECRET_KEY", "guessable", "DATABASE_URL", "postgresql://x", "LOG_LEVEL", "debug"));
    assertThat(SpecProblems.of(app)).containsExactly(
        "spec.backend.env.DATABASE_URL: set by the operator, cannot be overridden",
        "spec.backend.env.SECRET_KEY: set by the operator, cannot be overridden");
  }
}
