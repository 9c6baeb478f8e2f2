package dev.taskapp.backend.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a guesser lock the owner out (OWASP: account
 * lockout is a denial of service). Failures are counted in Bucket4j token buckets per client
 * address, per (username, address) and per username; an attempt takes a token from each, in that
 * order, before the password is checked, and a success gives them back, so only failures count.
 * The per-username ceiling is far above what one address may spend on one username, so the owner's
 * right password from another address passes while the guesser stays refused. Buckets live in a
 * size-bounded Caffeine cache and expire after a quiet window (by then they are full again).
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottle {

    /** Usernames are at most 50 characters; longer ones cannot exist, so a prefix is key enough. */
    private static final int MAX_USERNAME_KEY = 64;

    private final LoginThrottleProperties properties;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(LoginThrottleProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedKeys())
                .expireAfterAccess(properties.window()).build();
    }

    /**
     * Takes one attempt for this username from this address (IPv6: its /64).
     *
     * @throws LoginThrottledException when too many recent failures came from this address, for
     *         this username from this address, or for this username from everywhere
     */
    Attempt begin(String username, String clientAddress) {
        String address = ClientAddress.key(clientAddress);
        String user = username.length() > MAX_USERNAME_KEY ? username.substring(0, MAX_USERNAME_KEY) : username;
        List<Bucket> taken = new ArrayList<>(3);
        // Cheapest refusal first: a refused address creates no bucket for the username.
        take(taken, "address:" + address, properties.failuresPerAddress());
        take(taken, "pair:" + address + "/" + user, properties.failuresPerUsernameAndAddress());
        take(taken, "username:" + user, properties.failuresPerUsername());
        return () -> taken.forEach(bucket -> bucket.addTokens(1));
    }

    private void take(List<Bucket> taken, String key, int attempts) {
        Bucket bucket = buckets.get(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, properties.window()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            taken.forEach(earlier -> earlier.addTokens(1)); // a refused attempt checks no password: free
            throw new LoginThrottledException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        taken.add(bucket);
    }

    /** One login attempt in progress; tell it when the password was right. */
    interface Attempt {
        void succeeded();
    }
}
