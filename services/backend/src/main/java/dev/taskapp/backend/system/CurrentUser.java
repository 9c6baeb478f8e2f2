package dev.taskapp.backend.system;

/** The authenticated user of this request (the token's subject); a controller parameter. */
public record CurrentUser(long id) {
}
