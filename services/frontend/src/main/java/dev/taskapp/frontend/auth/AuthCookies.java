package dev.taskapp.frontend.auth;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The sign-in state lives only in the browser, so any number of frontend replicas can serve it:
 * the backend's JWT and the user name, in HttpOnly, SameSite=Lax cookies. Over https (directly,
 * via X-Forwarded-Proto from a trusted proxy, or always with COOKIE_SECURE=true) they are Secure
 * and named {@code __Host-…}: the browser then only accepts them from this exact host over https,
 * with Path=/ and no Domain, so a sibling subdomain or a plain-http page cannot plant or shadow them.
 * Over plain http (a laptop) they keep their plain names, which browsers would refuse otherwise.
 */
@Component
public class AuthCookies {

    public static final String TOKEN = "taskapp_token";
    public static final String USERNAME = "taskapp_user";
    static final String HOST_PREFIX = "__Host-";

    private final boolean forceSecure;

    AuthCookies(@Value("${taskapp.cookies.secure:false}") boolean forceSecure) {
        this.forceSecure = forceSecure;
    }

    public boolean secure(HttpServletRequest request) {
        return forceSecure || request.isSecure();
    }

    public void signIn(HttpServletRequest request, HttpServletResponse response, String username, String token,
            Duration lifetime) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, TOKEN, token, lifetime));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, USERNAME, username, lifetime));
    }

    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, TOKEN, "", Duration.ZERO));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, USERNAME, "", Duration.ZERO));
    }

    /** Over https only the __Host- cookies count: a plain one there may have been planted. */
    public Optional<SignedInUser> read(HttpServletRequest request) {
        String prefix = secure(request) ? HOST_PREFIX : "";
        String token = value(request, prefix + TOKEN);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String username = value(request, prefix + USERNAME);
        return Optional.of(new SignedInUser(username == null ? "" : username, token));
    }

    private String cookie(HttpServletRequest request, String name, String value, Duration lifetime) {
        boolean secure = secure(request);
        return ResponseCookie.from(secure ? HOST_PREFIX + name : name, value)
                .httpOnly(true)
                .secure(secure)
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
