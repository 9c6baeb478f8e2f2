package dev.taskapp.backend.auth;

import java.io.IOException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.taskapp.backend.system.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles every /api/auth/** call per client address (IPv6: per /64), sign-ups included: each
 * sign-up or login costs a bcrypt hash, so an unthrottled client could keep the CPUs busy and fill
 * the users table. A token bucket that refills steadily over the window; 429 + Retry-After beyond.
 */
@Component
@EnableConfigurationProperties(AuthThrottleProperties.class)
class AuthThrottleFilter extends OncePerRequestFilter {

    private final Cache<String, Bucket> buckets;
    private final AuthThrottleProperties properties;
    private final ProblemResponses problems;

    AuthThrottleFilter(AuthThrottleProperties properties, ProblemResponses problems) {
        this.properties = properties;
        this.problems = problems;
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxTrackedKeys())
                .expireAfterAccess(properties.window()).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The TCP peer, or the X-Forwarded-For address when that peer is a trusted proxy (application.properties).
        Bucket bucket = buckets.get(ClientAddress.key(request.getRemoteAddr()), unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.requestsPerAddress())
                        .refillGreedy(properties.requestsPerAddress(), properties.window()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        problems.write(request, response, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests", "Too many sign-up or sign-in requests from this address; retry later"));
    }
}
