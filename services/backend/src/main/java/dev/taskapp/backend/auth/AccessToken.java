package dev.taskapp.backend.auth;

/** What login returns; token_type and expires_in as in an OAuth 2 token response. */
record AccessToken(String accessToken, String tokenType, long expiresIn) {
}
