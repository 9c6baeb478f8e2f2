package dev.taskapp.backend.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings from the environment. The two secrets are checked before any bean exists
 * (see {@link SecretsCheck}), so here they are known to be long enough.
 */
@ConfigurationProperties("taskapp.security")
public record SecurityProperties(
        String jwtSecretKey,
        String secretKey,
        String issuer,
        Duration tokenLifetime,
        List<String> corsOrigins) {

    public SecurityProperties {
        corsOrigins = corsOrigins == null ? List.of()
                : corsOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
