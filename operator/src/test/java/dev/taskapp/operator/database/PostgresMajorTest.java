package dev.taskapp.operator.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresMajorTest {

  @Test
  void readsTheMajorFromTheTag() {
    assertThat(PostgresMajor.of("postgres:17-alpine")).hasValue("17");
    assertThat(PostgresMajor.of("postgres:17.2")).hasValue("17");
    assertThat(PostgresMajor.of("postgres:17.2-bookworm")).hasValue("17");
    assertThat(PostgresMajor.of("registry/x/postgres:16")).hasValue("16");
    assertThat(PostgresMajor.of("registry.example.com:5000/x/postgres:16.4@sha256:" + "a".repeat(64))).hasValue("16");
    assertThat(PostgresMajor.of("postgres:9.6.24")).hasValue("9.6");
  }

  @Test
  void saysNothingWhenTheTagDoesNot() {
    assertThat(PostgresMajor.of("postgres")).isEmpty();
    assertThat(PostgresMajor.of("postgres:latest")).isEmpty();
    assertThat(PostgresMajor.of("postgres:alpine")).isEmpty();
    assertThat(PostgresMajor.of("registry.example.com:5000/postgres")).as("a port is no tag").isEmpty();
    assertThat(PostgresMajor.of("postgres@sha256:" + "a".repeat(64))).isEmpty();
    assertThat(PostgresMajor.of("team/db:1.0")).as("not a PostgreSQL version").isEmpty();
  }

  @Test
  void rollsAMinorVersionRefusesAMajorOrAnUnknownOne() {
    var none = java.util.Optional.<String>empty();
    assertThat(PostgresMajor.refusal(none, "postgres:17-alpine", "postgres:17-alpine")).isEmpty();
    assertThat(PostgresMajor.refusal(none, "postgres:17-alpine", "postgres:17.2-alpine")).isEmpty();
    assertThat(PostgresMajor.refusal(none, "postgres:17-alpine", "registry/x/postgres:17")).isEmpty();
    assertThat(PostgresMajor.refusal(none, "postgres:16", "postgres:17-alpine")).get().asString()
        .contains("PostgreSQL 17 (postgres:17-alpine)", "PostgreSQL 16 (postgres:16)", "dump and restore", PostgresMajor.UPGRADE_DOC,
            "keeps running postgres:16");
    assertThat(PostgresMajor.refusal(none, "postgres:17-alpine", "postgres:latest")).get().asString()
        .contains("major version of postgres:latest cannot be told", "keeps running postgres:17-alpine", PostgresMajor.UPGRADE_DOC);
    assertThat(PostgresMajor.refusal(none, "team/db:latest", "team/db:latest")).as("no change").isEmpty();
  }

  @Test
  void theRecordedMajorOfTheDataWinsOverAHandEditedImage() {
    var seventeen = java.util.Optional.of("17");
    assertThat(PostgresMajor.refusal(seventeen, "postgres:9", "postgres:17-alpine")).as("drift put back").isEmpty();
    assertThat(PostgresMajor.refusal(seventeen, "team/db:latest", "postgres:18")).get().asString()
        .contains("PostgreSQL 18 (postgres:18)", "PostgreSQL 17 (team/db:latest)");
  }
}
