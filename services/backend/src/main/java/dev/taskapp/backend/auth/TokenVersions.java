package dev.taskapp.backend.auth;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each user's token version: signing out increments it, which ends every token issued before, on
 * every replica. Requests check it against a per-replica cache refreshed every {@link #CACHE_FOR},
 * so the replica that handled the sign-out refuses the old token at once and the others within
 * that time, for one database read per user per replica per interval rather than one per request.
 */
@Component
public class TokenVersions {

    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    /** A user that no longer exists: no token version matches it. */
    private static final int NO_USER = -1;

    private final JdbcClient jdbc;
    private final LoadingCache<Long, Integer> cached;

    TokenVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.cached = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(CACHE_FOR).build(this::read);
    }

    /** The version requests are checked against (at most {@link #CACHE_FOR} old). */
    int current(long userId) {
        return cached.get(userId);
    }

    /** The version a new token is issued under: read now, so a sign-out elsewhere is never missed. */
    int forNewToken(long userId) {
        int version = read(userId);
        cached.put(userId, version);
        return version;
    }

    void signOut(long userId) {
        jdbc.sql("UPDATE users SET token_version = token_version + 1 WHERE id = :id").param("id", userId).update();
        cached.invalidate(userId);
    }

    private int read(Long userId) {
        return jdbc.sql("SELECT token_version FROM users WHERE id = :id").param("id", userId)
                .query(Integer.class).optional().orElse(NO_USER);
    }
}
