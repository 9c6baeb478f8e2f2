package dev.taskapp.backend.auth;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(3, 5, Duration.ofMinutes(1), 1000));

    @Test
    void failuresForOneUsernameAreLimitedWithRetryAfterWithinTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("alice", "10.0.0." + i); // failed: never told it succeeded
        }
        LoginThrottledException refused = catchThrowableOfType(LoginThrottledException.class,
                () -> throttle.begin("alice", "10.0.0.9"));
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        throttle.begin("bob", "10.0.0.9").succeeded(); // other users are not affected
    }

    @Test
    void failuresFromOneAddressAreLimitedAcrossUsernames() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("user" + i, "192.0.2.1");
        }
        assertThatThrownBy(() -> throttle.begin("someone-else", "192.0.2.1"))
                .isInstanceOf(LoginThrottledException.class);
        throttle.begin("someone-else", "192.0.2.2").succeeded();
    }

    @Test
    void successfulLoginsDoNotCount() {
        for (int i = 0; i < 50; i++) {
            throttle.begin("carol", "192.0.2.3").succeeded();
        }
        throttle.begin("carol", "192.0.2.3"); // still allowed
    }

    @Test
    void aRefusedAttemptDoesNotUseUpTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("dave", "192.0.2.4");
        }
        for (int i = 0; i < 10; i++) { // refused by the username bucket, not counted against the address
            assertThatThrownBy(() -> throttle.begin("dave", "192.0.2.4")).isInstanceOf(LoginThrottledException.class);
        }
        throttle.begin("erin", "192.0.2.4").succeeded();
        throttle.begin("frank", "192.0.2.4"); // 4th and 5th failures of this address are still allowed
        throttle.begin("grace", "192.0.2.4");
    }

    @Test
    void veryLongUsernamesShareABoundedKey() {
        String prefix = "x".repeat(100);
        for (int i = 0; i < 3; i++) {
            throttle.begin(prefix + i, "192.0.2." + (10 + i));
        }
        assertThatThrownBy(() -> throttle.begin(prefix + "other", "192.0.2.20"))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void settingsMustBePositive() {
        assertThatThrownBy(() -> new LoginThrottleProperties(0, 5, Duration.ofMinutes(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottleProperties(3, 5, Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
