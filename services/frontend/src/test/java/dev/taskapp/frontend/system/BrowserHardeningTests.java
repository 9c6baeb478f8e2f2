package dev.taskapp.frontend.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendHealthProbe;
import dev.taskapp.frontend.backend.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Issue 13: the headers a browser gets, on the real server (Tomcat's RemoteIpValve believes
 * X-Forwarded-Proto from loopback, a trusted proxy, as from an Ingress controller): the CSP pinned
 * whole, and the sign-in cookies __Host- named and Secure behind a TLS proxy, plain over http.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "taskapp.backend.url=http://127.0.0.1:9"})
@MockitoBean(types = { BackendClient.class, BackendHealthProbe.class })
class BrowserHardeningTests {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    @LocalServerPort
    int port;
    @Autowired
    BackendClient backend;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    ApplicationContext context;

    /**
     * Signing in is the backend's: the frontend has no users or passwords of its own, so Spring Boot's
     * in-memory user (a generated password, logged as a warning at every start) must not exist.
     */
    @Test
    void theFrontendHoldsNoUsersOrPasswords() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void everyPageCarriesTheStrictContentSecurityPolicy() throws Exception {
        for (String path : List.of("/signin", "/signup", "/no-such-page")) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(url(path)).GET());
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValue(CSP);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    /** Boot's error pages are the JTE templates error/404, error/403 and error, never the Whitelabel page. */
    @Test
    void errorPagesAreTheApplicationsOwn() throws Exception {
        HttpResponse<String> notFound = send(HttpRequest.newBuilder(url("/no-such-page")).header("Accept", "text/html")
                .GET());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("Page not found", "<link rel=\"stylesheet\"");

        HttpResponse<String> expired = send(HttpRequest.newBuilder(url("/signin")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=no-csrf-token")));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("This form has expired");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(url("/tasks/1/complete"))
                .header("Accept", "text/html").header("Cookie", "taskapp_token=jwt-1; taskapp_user=alice").GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("Something went wrong", "Method Not Allowed",
                "Signed in as <strong>alice</strong>", "name=\"_csrf\" value=\"").doesNotContain("Whitelabel");
    }

    @Test
    void behindATlsProxySignInCookiesAreHostPrefixedAndSecure() throws Exception {
        List<String> cookies = signIn("https");
        String token = cookie(cookies, "__Host-taskapp_token");
        assertThat(token).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Domain=");
        assertThat(cookie(cookies, "__Host-taskapp_user")).contains("Secure", "Path=/");
        assertThat(cookies).noneMatch(c -> c.startsWith("taskapp_token="));
    }

    @Test
    void overPlainHttpCookiesKeepTheirPlainNames() throws Exception {
        List<String> cookies = signIn(null);
        assertThat(cookie(cookies, "taskapp_token")).contains("HttpOnly").doesNotContain("Secure");
        assertThat(cookies).noneMatch(c -> c.startsWith("__Host-"));
    }

    @Test
    void behindATlsProxyOnlyTheHostPrefixedCookieSignsIn() throws Exception {
        HttpRequest.Builder planted = HttpRequest.newBuilder(url("/tasks")).header("X-Forwarded-Proto", "https")
                .header("Cookie", "taskapp_token=planted; taskapp_user=mallory").GET();
        HttpResponse<String> response = send(planted);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/signin");
    }

    private List<String> signIn(String forwardedProto) throws Exception {
        given(backend.login("alice", "correct-horse-42")).willReturn(new SignIn("jwt-1", "Bearer", 3600));
        HttpRequest.Builder form = HttpRequest.newBuilder(url("/signin")).GET();
        if (forwardedProto != null) {
            form.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> page = send(form);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String csrfCookie = cookie(page.headers().allValues("Set-Cookie"), "taskapp_csrf").split(";")[0];
        HttpRequest.Builder post = HttpRequest.newBuilder(url("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=correct-horse-42&_csrf="
                        + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)));
        if (forwardedProto != null) {
            post.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<String> signedIn = send(post);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return signedIn.headers().allValues("Set-Cookie");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
    }
}
