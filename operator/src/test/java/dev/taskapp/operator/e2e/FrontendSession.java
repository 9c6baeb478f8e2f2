package dev.taskapp.operator.e2e;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What a user does in the browser: open the sign-up page, sign up, land on the task list. */
final class FrontendSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private final String base;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  FrontendSession(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs up through the form (with its CSRF token) and returns the task list page it leads to. */
  HttpResponse<String> signUpAndOpenTasks(String username, String password) throws Exception {
    var page = get("/signup");
    var token = CSRF.matcher(page.body());
    if (page.statusCode() != 200 || !token.find()) {
      throw new AssertionError("no sign-up form with a CSRF token: " + page.statusCode() + " " + page.body());
    }
    var form = "username=" + encode(username) + "&password=" + encode(password)
        + "&_csrf=" + encode(token.group(1) != null ? token.group(1) : token.group(2));
    var signedUp = http.send(HttpRequest.newBuilder(URI.create(base + "/signup"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    if (signedUp.statusCode() != 302) {
      throw new AssertionError("sign-up answered " + signedUp.statusCode() + ": " + signedUp.body());
    }
    return get(signedUp.headers().firstValue("Location").map(l -> URI.create(base).resolve(l).getPath()).orElse("/tasks"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
