package dev.taskapp.backend.auth;

import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of register: the rules a new account must meet. */
record Registration(
        @NotBlank @Size(min = 3, max = 50)
        @Pattern(regexp = "[A-Za-z0-9_.-]*", message = "may only contain letters, digits, '_', '.' and '-'")
        String username,
        @NotNull @Size(min = 8, message = "must be at least 8 characters") String password) {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    @AssertTrue(message = "must be at most 72 bytes")
    boolean isPassword() {
        return password == null || password.getBytes(StandardCharsets.UTF_8).length <= 72;
    }
}
