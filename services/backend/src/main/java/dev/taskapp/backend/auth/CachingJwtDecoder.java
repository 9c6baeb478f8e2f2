package dev.taskapp.backend.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens that were fully verified (signature, issuer, times), so that a client sending
 * the same token again costs a cache lookup instead of parsing and an HMAC. A Caffeine cache
 * bounded in size (least useful entries go first, not all at once) drops each token at its
 * {@code exp}; expiry is still checked on every use, against the clock the validators use.
 */
class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = delegate.decode(token);
            verified.put(token, jwt);
        } else if (untilExpiry(jwt).isZero()) {
            verified.invalidate(token);
            throw new JwtValidationException("Jwt expired", List.of(new OAuth2Error("invalid_token", "Jwt expired", null)));
        }
        return jwt;
    }

    /** Tokens currently remembered (after pending evictions). */
    long cachedTokens() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private Duration untilExpiry(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt().plus(clockSkew));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
