package dev.taskapp.backend.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed logins allowed within one window per (username, client address), per client address, and
 * per username from all addresses together (a ceiling far above what one address can reach, so
 * only a guesser with many addresses meets it); and how many keys are tracked at most.
 */
@ConfigurationProperties("taskapp.login-throttle")
record LoginThrottleProperties(
        @DefaultValue("5") int failuresPerUsernameAndAddress,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("100") int failuresPerUsername,
        @DefaultValue("1m") Duration window,
        @DefaultValue("100000") int maxTrackedKeys) {

    LoginThrottleProperties {
        if (failuresPerUsernameAndAddress < 1 || failuresPerAddress < 1 || failuresPerUsername < 1
                || maxTrackedKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("taskapp.login-throttle.* must be positive");
        }
    }
}
