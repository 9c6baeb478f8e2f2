package dev.taskapp.backend.auth;

import java.time.Clock;
import java.time.Instant;

import dev.taskapp.backend.system.SecurityProperties;
import dev.taskapp.backend.user.User;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues access tokens: subject is the user id, so requests need no user lookup. */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final TokenVersions versions;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, SecurityProperties properties, TokenVersions versions) {
        this.encoder = encoder;
        this.properties = properties;
        this.versions = versions;
        this.clock = Clock.systemUTC();
    }

    AccessToken issue(User user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(String.valueOf(user.id()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .claim("preferred_username", user.username())
                .claim(SignedOutTokenCheck.CLAIM, versions.forNewToken(user.id()))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, "Bearer", properties.tokenLifetime().toSeconds());
    }
}
