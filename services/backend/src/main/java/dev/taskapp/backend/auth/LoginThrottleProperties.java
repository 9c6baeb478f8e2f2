package dev.taskapp.backend.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins are allowed per username and per client address within one window
 * before further attempts get 429; and how many usernames/addresses are tracked at most.
 */
@ConfigurationProperties("taskapp.login-throttle")
record LoginThrottleProperties(
        @DefaultValue("5") int failuresPerUsername,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("1m") Duration window,
        @DefaultValue("100000") int maxTrackedKeys) {

    LoginThrottleProperties {
        if (failuresPerUsername < 1 || failuresPerAddress < 1 || maxTrackedKeys < 1
                || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("taskapp.login-throttle.* must be positive");
        }
    }
}
