package dev.taskapp.frontend.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class BackendHealthProbeTest {

    BackendClient backend = mock(BackendClient.class);
    MutableClock clock = new MutableClock();
    BackendHealthProbe probe = new BackendHealthProbe(backend, clock);

    @Test
    void asksTheBackendAtMostOnceASecond() {
        given(backend.healthProblem()).willReturn(null, "Backend unreachable");

        for (int i = 0; i < 100; i++) {
            assertThat(probe.backendProblem()).isNull();
        }
        verify(backend, times(1)).healthProblem();

        clock.advance(Duration.ofMillis(1001));
        assertThat(probe.backendProblem()).isEqualTo("Backend unreachable");
        verify(backend, times(2)).healthProblem();
    }

    static class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
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
