package dev.taskapp.backend.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens that were fully verified (signature, issuer, times), so that a client sending
 * the same token again costs a map lookup instead of parsing and an HMAC. Expiry is still
 * checked on every use; the cache is bounded and simply emptied when full.
 */
class CachingJwtDecoder implements JwtDecoder {

    static final int MAX_ENTRIES = 10_000;

    private final JwtDecoder delegate;
    private final Duration clockSkew;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, Duration clockSkew, Clock clock) {
        this.delegate = delegate;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = delegate.decode(token);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(token, jwt);
        } else if (jwt.getExpiresAt() == null || !clock.instant().minus(clockSkew).isBefore(jwt.getExpiresAt())) {
            verified.remove(token);
            throw new JwtValidationException("Jwt expired", List.of(new OAuth2Error("invalid_token", "Jwt expired", null)));
        }
        return jwt;
    }
}
