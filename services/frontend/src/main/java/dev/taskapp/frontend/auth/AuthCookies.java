package dev.taskapp.frontend.auth;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The sign-in state lives only in the browser, so any number of frontend replicas can serve it:
 * the backend's JWT and the user name, in HttpOnly, SameSite=Lax cookies, Secure when the request
 * came over https (X-Forwarded-Proto from a trusted proxy is honoured: server.forward-headers-strategy).
 */
public final class AuthCookies {

    public static final String TOKEN = "taskapp_token";
    public static final String USERNAME = "taskapp_user";

    private AuthCookies() {
    }

    public static void signIn(HttpServletRequest request, HttpServletResponse response, String username,
            String token, Duration lifetime) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, TOKEN, token, lifetime));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, USERNAME, username, lifetime));
    }

    public static void signOut(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, TOKEN, "", Duration.ZERO));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, USERNAME, "", Duration.ZERO));
    }

    public static Optional<SignedInUser> read(HttpServletRequest request) {
        String token = value(request, TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String username = value(request, USERNAME);
        return Optional.of(new SignedInUser(username == null ? "" : username, token));
    }

    private static String cookie(HttpServletRequest request, String name, String value, Duration lifetime) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(lifetime)
                .build()
                .toString();
    }

    private static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
