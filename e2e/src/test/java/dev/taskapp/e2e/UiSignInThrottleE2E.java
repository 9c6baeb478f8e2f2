package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Through the shipped Compose stack's web UI, the backend's per-address login limit (20 failures a
 * minute) counts each browser, not the frontend's one address. A reverse proxy in front of the
 * published port reaches the frontend from the Docker host (a private address, so trusted): this test
 * plays that proxy and names the browser with X-Forwarded-For.
 */
@Order(3)
@ExtendWith(ComposeStackExtension.class)
class UiSignInThrottleE2E {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void aThrottledBrowserAddressDoesNotLockOutOtherBrowsers(ComposeStack stack) throws Exception {
        URI frontend = stack.url("frontend", 3000);
        String user = "uma_" + ComposeStack.randomHex(3);
        assertThat(new TaskAppApi(stack.url("backend", 5000)).register(user, PASSWORD).statusCode()).isEqualTo(201);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(frontend.resolve("/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("taskapp_csrf="))
                .findFirst().orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        SignInPage signIn = new SignInPage(frontend, cookie, token.group(1));

        for (int i = 0; i < 20; i++) { // another user name each time: only the per-address limit is reached
            assertThat(signIn.post("203.0.113.10", "nobody" + i + user, "wrong-guess").statusCode()).isEqualTo(401);
        }
        assertThat(signIn.post("203.0.113.10", user, PASSWORD).statusCode()).as("browser A is throttled").isEqualTo(429);
        HttpResponse<String> otherBrowser = signIn.post("203.0.113.11", user, PASSWORD);
        assertThat(otherBrowser.statusCode()).as("browser B still signs in").isEqualTo(302);
        assertThat(otherBrowser.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("taskapp_token="));
    }

    private record SignInPage(URI frontend, String cookie, String token) {

        HttpResponse<String> post(String browserAddress, String username, String password)
                throws IOException, InterruptedException {
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
            return HTTP.send(HttpRequest.newBuilder(frontend.resolve("/signin")).timeout(Duration.ofSeconds(20))
                    .header("X-Forwarded-For", browserAddress).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
