package dev.taskapp.frontend.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Treats a request carrying the token cookie as signed in. The token itself is checked by the
 * backend on every call; when it rejects it, the user is sent to sign in again.
 */
public class AuthCookieFilter extends OncePerRequestFilter {

    private final SecurityContextRepository contexts;
    private final AuthCookies cookies;

    public AuthCookieFilter(SecurityContextRepository contexts, AuthCookies cookies) {
        this.contexts = contexts;
        this.cookies = cookies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        cookies.read(request).ifPresent(user -> {
            var authentication = UsernamePasswordAuthenticationToken.authenticated(user, user.token(),
                    AuthorityUtils.createAuthorityList("ROLE_USER"));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            // Recorded as this request's context, so Spring Security does not treat every request as a
            // fresh sign-in (which would rotate the CSRF token each time and break forms already on the page).
            contexts.saveContext(context, request, response);
        });
        chain.doFilter(request, response);
    }
}
