package dev.taskapp.backend.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Refuses a verified token whose user has signed out since it was issued (its "tv" claim is older
 * than the user's token version). Outside the verified-token cache, so a sign-out is never hidden
 * by it. Tokens without the claim were issued before versions existed and count as version 0.
 */
class SignedOutTokenCheck implements JwtDecoder {

    static final String CLAIM = "tv";

    private final JwtDecoder delegate;
    private final TokenVersions versions;

    SignedOutTokenCheck(JwtDecoder delegate, TokenVersions versions) {
        this.delegate = delegate;
        this.versions = versions;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = delegate.decode(token);
        Object claim = jwt.getClaims().get(CLAIM);
        int version = claim instanceof Number number ? number.intValue() : 0;
        long userId;
        try {
            userId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException ex) {
            throw new BadJwtException("The token has no valid subject");
        }
        if (version != versions.current(userId)) {
            throw new BadJwtException("The token was ended by signing out");
        }
        return jwt;
    }
}
