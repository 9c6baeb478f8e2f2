package dev.taskapp.backend.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class CachingJwtDecoderTest {

    private static final Instant EXPIRES = Instant.parse("2026-11-26T12:00:00Z");
    private final JwtDecoder verifier = mock(JwtDecoder.class);
    private final Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("7")
            .issuedAt(EXPIRES.minusSeconds(3600)).expiresAt(EXPIRES).build();

    @Test
    void verifiesATokenOnceAndThenAnswersFromTheCache() {
        given(verifier.decode("t")).willReturn(jwt);
        CachingJwtDecoder decoder = decoderAt(EXPIRES.minusSeconds(600));

        assertThat(decoder.decode("t")).isSameAs(jwt);
        assertThat(decoder.decode("t")).isSameAs(jwt);
        verify(verifier, times(1)).decode("t");
    }

    @Test
    void refusesACachedTokenOnceItExpiredBeyondTheSkew() {
        given(verifier.decode("t")).willReturn(jwt);
        MovableClock clock = new MovableClock(EXPIRES.minusSeconds(600));
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Duration.ofSeconds(60), clock);
        decoder.decode("t");

        clock.now = EXPIRES.plusSeconds(59);
        assertThat(decoder.decode("t")).isSameAs(jwt);
        clock.now = EXPIRES.plusSeconds(61);
        assertThatThrownBy(() -> decoder.decode("t")).isInstanceOf(BadJwtException.class);
        verify(verifier, times(1)).decode("t");
    }

    @Test
    void doesNotCacheRefusedTokens() {
        given(verifier.decode("bad")).willThrow(new BadJwtException("bad signature"));
        CachingJwtDecoder decoder = decoderAt(EXPIRES.minusSeconds(600));
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad")).isInstanceOf(BadJwtException.class);
        verify(verifier, times(2)).decode("bad");
    }

    /** Issue 13: the old map was emptied all at once when full, so every client paid an HMAC again. */
    @Test
    void aFullCacheEvictsSomeEntriesNotAll() {
        given(verifier.decode(org.mockito.ArgumentMatchers.anyString())).willReturn(jwt);
        CachingJwtDecoder decoder = decoderAt(EXPIRES.minusSeconds(600));
        for (int i = 0; i < CachingJwtDecoder.MAX_ENTRIES + 100; i++) {
            decoder.decode("token-" + i);
        }
        assertThat(decoder.cachedTokens()).isBetween(CachingJwtDecoder.MAX_ENTRIES - 100L,
                (long) CachingJwtDecoder.MAX_ENTRIES);
    }

    private CachingJwtDecoder decoderAt(Instant now) {
        return new CachingJwtDecoder(verifier, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
