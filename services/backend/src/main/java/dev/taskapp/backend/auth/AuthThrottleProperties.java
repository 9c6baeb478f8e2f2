package dev.taskapp.backend.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Calls to /api/auth/** allowed per client address (IPv6: per /64) within one window. */
@ConfigurationProperties("taskapp.auth-throttle")
record AuthThrottleProperties(
        @DefaultValue("30") int requestsPerAddress,
        @DefaultValue("1m") Duration window,
        @DefaultValue("100000") int maxTrackedKeys) {

    AuthThrottleProperties {
        if (requestsPerAddress < 1 || maxTrackedKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("taskapp.auth-throttle.* must be positive");
        }
    }
}
