package dev.taskapp.frontend.auth;

/** Who is signed in: the name to greet them with and the backend token that proves it. */
public record SignedInUser(String username, String token) {
}
