package dev.taskapp.backend.auth;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** 3 failures per (username, address), 5 per address, 8 per username from everywhere. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(3, 5, 8, Duration.ofMinutes(1), 1000));

    @Test
    void failuresForOneUsernameFromOneAddressAreLimitedWithRetryAfterWithinTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("alice", "10.0.0.1"); // failed: never told it succeeded
        }
        LoginThrottledException refused = catchThrowableOfType(LoginThrottledException.class,
                () -> throttle.begin("alice", "10.0.0.1"));
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        throttle.begin("bob", "10.0.0.1").succeeded(); // other users from there are not affected
    }

    /** Issue 13: this asserted that a 4th failure anywhere locked alice out everywhere (a DoS). */
    @Test
    void theOwnerFromAnotherAddressIsNotLockedOut() {
        for (int i = 0; i < 10; i++) {
            try {
                throttle.begin("alice", "10.0.0.1");
            } catch (LoginThrottledException expected) {
                // the guesser stays refused
            }
        }
        throttle.begin("alice", "10.0.0.2").succeeded();
        assertThatThrownBy(() -> throttle.begin("alice", "10.0.0.1")).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void manyAddressesTogetherMeetTheUsernameCeiling() {
        for (int i = 0; i < 8; i++) {
            throttle.begin("carl", "10.1.0." + i);
        }
        assertThatThrownBy(() -> throttle.begin("carl", "10.1.0.99")).isInstanceOf(LoginThrottledException.class);
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
    void attemptsRefusedForTheAddressCostTheUsernameNothing() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("spray" + i, "192.0.2.5");
        }
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> throttle.begin("zed", "192.0.2.5")).isInstanceOf(LoginThrottledException.class);
        }
        for (int i = 0; i < 8; i++) { // zed's whole ceiling is still there
            throttle.begin("zed", "10.2.0." + i);
        }
    }

    @Test
    void anIpv6ClientIsOneAddressAcrossItsSlash64() {
        for (int i = 1; i <= 5; i++) {
            throttle.begin("v6user" + i, "2001:db8:aa:bb::" + i);
        }
        assertThatThrownBy(() -> throttle.begin("v6other", "2001:db8:aa:bb:ffff:1:2:3"))
                .isInstanceOf(LoginThrottledException.class);
        throttle.begin("v6other", "2001:db8:aa:bc::1").succeeded();
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
        for (int i = 0; i < 10; i++) { // refused for (dave, address), not counted against the address
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
            throttle.begin(prefix + i, "192.0.2.10");
        }
        assertThatThrownBy(() -> throttle.begin(prefix + "other", "192.0.2.10"))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void settingsMustBePositive() {
        assertThatThrownBy(() -> new LoginThrottleProperties(0, 5, 8, Duration.ofMinutes(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottleProperties(3, 5, 8, Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
