package dev.taskapp.frontend.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.util.UriComponentsBuilder;

import dev.taskapp.frontend.auth.AuthCookieFilter;
import dev.taskapp.frontend.auth.AuthCookies;
import dev.taskapp.frontend.auth.SignedInUser;
import dev.taskapp.frontend.backend.BackendClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import dev.taskapp.frontend.auth.NextPath;

/**
 * Stateless security: no HttpSession. Sign-in state is the token cookie ({@link AuthCookieFilter});
 * the CSRF token lives in its own cookie and is sent back as a form field or, by htmx, as a header.
 */
@Configuration(proxyBeanMethods = false)
@Import(AuthCookies.class)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CsrfTokenRepository csrfTokens, AuthCookies cookies,
            BackendClient backend) throws Exception {
        SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .addFilterAfter(new AuthCookieFilter(contexts, cookies), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/tasks", "/tasks/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(signInFirst())
                        .accessDeniedHandler(formExpired()))
                .logout(logout -> logout.logoutUrl("/signout")
                        .addLogoutHandler((request, response, authentication) -> {
                            endOnBackend(backend, authentication);
                            cookies.signOut(request, response);
                        })
                        .logoutSuccessUrl("/signin?signedout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * No inline styles or scripts (no template has any), no &lt;base&gt; to re-point relative links,
     * forms only to this origin, never framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /**
     * Ends the token server-side, so a copy of the cookie stops working; signing out in the browser
     * goes on even when the backend cannot be told (the token then lives until it expires).
     */
    private static void endOnBackend(BackendClient backend, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            try {
                backend.signOut(user.token());
            }
            catch (RuntimeException ex) {
                log.warn("Sign-out could not be sent to the backend: {}", ex.getMessage());
            }
        }
    }

    /**
     * No observation around each security filter: with Actuator present Spring Security wraps every
     * filter of every request in one, which costs CPU on every page (docs/performance.md). Requests
     * stay observed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository(@Value("${taskapp.cookies.secure:false}") boolean forceSecure) {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName("taskapp_csrf");
        // Secure already whenever the request is https; COOKIE_SECURE=true makes it Secure always.
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax").path("/");
            if (forceSecure) {
                cookie.secure(true);
            }
        });
        return repository;
    }

    /** Not signed in: go to sign-in, then come back here. htmx requests are redirected by header. */
    private static AuthenticationEntryPoint signInFirst() {
        return (request, response, exception) -> redirect(request, response, signInUrl(request, false));
    }

    /** A missing or stale CSRF token: show the page again rather than an error. */
    private static AccessDeniedHandler formExpired() {
        return (request, response, exception) -> {
            if (Htmx.isHtmx(request)) {
                response.setHeader("HX-Refresh", "true");
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form has expired. Reload the page and try again.");
        };
    }

    static String signInUrl(HttpServletRequest request, boolean expired) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/signin");
        if (expired) {
            url.queryParam("expired");
        }
        return url.queryParam("next", "{next}").encode().buildAndExpand(currentPage(request)).toUriString();
    }

    /** The page the user was on: for htmx requests the browser's URL, else the request itself if a GET. */
    static String currentPage(HttpServletRequest request) {
        if (Htmx.isHtmx(request)) {
            return NextPath.fromUrl(request.getHeader("HX-Current-URL"));
        }
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            return NextPath.orDefault(request.getRequestURI() + (query != null ? "?" + query : ""));
        }
        return NextPath.DEFAULT;
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, String url)
            throws java.io.IOException {
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Redirect", url);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
        else {
            response.sendRedirect(url);
        }
    }
}
