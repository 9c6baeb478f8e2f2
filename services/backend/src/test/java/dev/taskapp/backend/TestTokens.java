package dev.taskapp.backend;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Tokens for tests: good ones, and each kind the API must refuse. */
public final class TestTokens {

    /** Same secret surefire passes to the app under test. */
    public static final String SECRET = System.getenv("JWT_SECRET_KEY");
    public static final String ISSUER = "taskapp-backend";

    private TestTokens() {
    }

    public static String valid(long userId) {
        return signed(SECRET, ISSUER, userId, Instant.now().minusSeconds(5), Instant.now().plusSeconds(600));
    }

    /** Expired beyond the 60 s clock skew that is tolerated. */
    public static String expired(long userId) {
        return signed(SECRET, ISSUER, userId, Instant.now().minusSeconds(3600), Instant.now().minusSeconds(120));
    }

    /** Not valid before ten minutes from now, far beyond the tolerated skew. */
    public static String notYetValid(long userId) {
        var key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(String.valueOf(userId))
                .issuedAt(Instant.now()).notBefore(Instant.now().plusSeconds(600))
                .expiresAt(Instant.now().plusSeconds(1200)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    public static String wrongIssuer(long userId) {
        return signed(SECRET, "someone-else", userId, Instant.now(), Instant.now().plusSeconds(600));
    }

    public static String badSignature(long userId) {
        return signed("another-secret-key-that-is-long-enough-0123", ISSUER, userId, Instant.now(),
                Instant.now().plusSeconds(600));
    }

    /** An unsigned token ("alg": "none") with otherwise valid claims. */
    public static String algNone(long userId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + userId + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static String signed(String secret, String issuer, long userId, Instant issuedAt, Instant expiresAt) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(String.valueOf(userId))
                .issuedAt(issuedAt).expiresAt(expiresAt).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
