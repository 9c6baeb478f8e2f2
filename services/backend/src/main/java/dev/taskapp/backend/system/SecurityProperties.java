package dev.taskapp.backend.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings from the environment. The JWT secret is checked before any bean exists
 * (see {@link SecretsCheck}), so here it is known to be long enough.
 */
@ConfigurationProperties("taskapp.security")
public record SecurityProperties(
        String jwtSecretKey,
        String issuer,
        Duration tokenLifetime,
        List<String> corsOrigins) {

    public SecurityProperties {
        corsOrigins = corsOrigins == null ? List.of()
                : corsOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
