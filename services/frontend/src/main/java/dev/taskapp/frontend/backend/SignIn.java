package dev.taskapp.frontend.backend;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The backend's answer to a successful login: a bearer token valid for {@code expiresIn} seconds. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignIn(String accessToken, String tokenType, long expiresIn) {
}
