package dev.taskapp.frontend.backend;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the backend REST API lives ({@code BACKEND_URL}, e.g. {@code http://backend:5000}).
 * Timeouts are set through Spring Boot's {@code spring.http.clients.*} properties.
 */
@ConfigurationProperties("taskapp.backend")
public record BackendProperties(URI url) {
}
