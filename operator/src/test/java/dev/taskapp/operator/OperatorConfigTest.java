package dev.taskapp.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void defaultsWatchEverythingWithoutLeaderElection() {
    var config = OperatorConfig.from(Map.of());
    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.leaderElection()).isFalse();
    assertThat(config.healthPort()).isEqualTo(8080);
    assertThat(config.defaults().databaseImage()).isEqualTo("postgres:17-alpine");
    assertThat(config.defaults().version()).isEqualTo("0.1.0");
  }

  @Test
  void readsTheEnvironment() {
    var config = OperatorConfig.from(Map.of(
        "WATCH_NAMESPACES", "team-a, team-b", "LEADER_ELECTION", "true", "POD_NAMESPACE", "ops",
        "TASKAPP_DATABASE_IMAGE", "mirror/postgres:17", "HEALTH_PORT", "9090"));
    assertThat(config.namespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(config.leaderElection()).isTrue();
    assertThat(config.leaseNamespace()).isEqualTo("ops");
    assertThat(config.defaults().databaseImage()).isEqualTo("mirror/postgres:17");
    assertThat(config.healthPort()).isEqualTo(9090);
  }

  @Test
  void leaseTimingHasSaneDefaultsAndRefusesADeadlineBeyondTheLease() {
    var config = OperatorConfig.from(Map.of("POD_NAME", "taskapp-operator-7d9f-x2", "HOSTNAME", "ignored"));
    assertThat(config.leaseIdentity()).isEqualTo("taskapp-operator-7d9f-x2");
    assertThat(config.lease().duration()).hasSeconds(15);
    assertThat(config.lease().renewDeadline()).hasSeconds(10);
    assertThat(config.lease().retryPeriod()).hasSeconds(2);
    assertThat(config.exitOnLostLeadership()).as("the default").isTrue();
    assertThat(OperatorConfig.from(Map.of()).leaseIdentity()).as("unique without POD_NAME or HOSTNAME")
        .isNotEqualTo(OperatorConfig.from(Map.of()).leaseIdentity());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> OperatorConfig.from(Map.of("LEASE_DURATION_SECONDS", "10", "RENEW_DEADLINE_SECONDS", "10")))
        .hasMessageContaining("renew deadline < lease duration");
  }
}
