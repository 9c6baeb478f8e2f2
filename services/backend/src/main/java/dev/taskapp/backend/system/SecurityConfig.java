package dev.taskapp.backend.system;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Stateless bearer-token security: register, login, health, probes, metrics and the OpenAPI
 * document are open; everything else needs a valid token. Failures are problem+json. The same
 * chain guards the management port, the only one where /actuator answers (application.properties).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ProblemResponses problems,
            JwtDecoder jwtDecoder) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            boolean badToken = ex instanceof InvalidBearerTokenException;
            response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            problems.write(request, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    badToken ? "The bearer token is invalid or expired" : "Authentication required"));
        };
        AccessDeniedHandler forbidden = (request, response, ex) -> problems.write(request, response,
                ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden", "You may not access this resource"));

        http
                .csrf(csrf -> csrf.disable()) // no cookies or sessions: tokens travel in a header
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(corsFilter(properties, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login").permitAll()
                        .requestMatchers("/api/health", "/api/openapi.json", "/api/openapi.json/**", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.authenticationManager(bearerTokenAuthentication(jwtDecoder)))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * No observation around each security filter: with Actuator present Spring Security wraps
     * every filter of every request in one, work no dashboard reads. Requests stay observed as a
     * whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The provider Spring Security would build for bearer tokens, in a manager of its own that
     * publishes no authentication event: otherwise every request sends a success event through the
     * application context, which nothing here listens to. Failures still reach the entry point.
     */
    private static AuthenticationManager bearerTokenAuthentication(JwtDecoder jwtDecoder) {
        return new ProviderManager(new JwtAuthenticationProvider(jwtDecoder));
    }

    /**
     * Spring Security's strict firewall with its header rules checked by {@link HeaderCharacters}, the
     * same rules without a regular expression per header read (docs/performance.md). Everything else
     * is the firewall's default.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        firewall.setAllowedParameterNames(HeaderCharacters::allowedInName);
        return firewall;
    }

    /** bcrypt today, stored as {bcrypt}…, so a future algorithm can be introduced without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** CORS_ORIGINS: exact origins, comma-separated; none configured means no cross-origin access. */
    private static CorsFilter corsFilter(SecurityProperties properties, ProblemResponses problems) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.corsOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match"));
        config.setExposedHeaders(List.of("ETag", "Location"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                // Through the ServerHttpResponse, not the servlet one: it holds the Vary headers set so far.
                response.setStatusCode(HttpStatus.FORBIDDEN);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                response.getBody().write(problems.json(ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden",
                        "Cross-origin request from an origin that is not allowed"), null));
                response.flush();
            }
        });
        return filter;
    }
}
