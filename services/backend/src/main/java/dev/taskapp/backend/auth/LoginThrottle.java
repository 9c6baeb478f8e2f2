package dev.taskapp.backend.auth;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: each username and each client address has a Bucket4j token
 * bucket of N attempts that refills completely once per window. An attempt takes a token from
 * both buckets before the password is checked; a successful login gives them back, so only
 * failures count and a legitimate user is never locked out by their own logins. When either
 * bucket is empty the attempt is refused (even with the right password, or guessing could go on).
 * Buckets live in a size-bounded Caffeine cache and expire after a quiet window (by then they
 * are full again), so a flood of random usernames cannot exhaust memory.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottle {

    /** Usernames are at most 50 characters; longer ones cannot exist, so a prefix is key enough. */
    private static final int MAX_KEY_LENGTH = 64;

    private final LoginThrottleProperties properties;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(LoginThrottleProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedKeys())
                .expireAfterAccess(properties.window()).build();
    }

    /**
     * Takes one attempt for this username from this address.
     *
     * @throws LoginThrottledException when too many recent failures came for either of them
     */
    Attempt begin(String username, String clientAddress) {
        Bucket byAddress = bucket("address:" + clientAddress, properties.failuresPerAddress());
        Bucket byUsername = bucket("username:" + username, properties.failuresPerUsername());
        ConsumptionProbe address = byAddress.tryConsumeAndReturnRemaining(1);
        if (!address.isConsumed()) {
            throw new LoginThrottledException(Duration.ofNanos(address.getNanosToWaitForRefill()));
        }
        ConsumptionProbe user = byUsername.tryConsumeAndReturnRemaining(1);
        if (!user.isConsumed()) {
            byAddress.addTokens(1); // a refused attempt checks no password, so it costs nothing
            throw new LoginThrottledException(Duration.ofNanos(user.getNanosToWaitForRefill()));
        }
        return () -> {
            byAddress.addTokens(1);
            byUsername.addTokens(1);
        };
    }

    private Bucket bucket(String key, int attempts) {
        String bounded = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
        return buckets.get(bounded, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, properties.window()))
                .build());
    }

    /** One login attempt in progress; tell it when the password was right. */
    interface Attempt {
        void succeeded();
    }
}
