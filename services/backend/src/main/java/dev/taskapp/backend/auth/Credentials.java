package dev.taskapp.backend.auth;

import jakarta.validation.constraints.NotBlank;

/** Body of login. */
record Credentials(@NotBlank String username, @NotBlank String password) {
}
