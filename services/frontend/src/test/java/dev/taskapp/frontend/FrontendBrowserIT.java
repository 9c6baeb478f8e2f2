package dev.taskapp.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.taskapp.frontend.stack.BackendStack;

/**
 * The whole stack as a user meets it: this frontend (in the test's JVM) against the real backend
 * (its boot jar as a child process) on a real PostgreSQL, driven through headless chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontendBrowserIT {

    private static BackendStack backend;
    private static WebDriver browser;

    @RegisterExtension
    final BrowserFailureRecorder recorder = new BrowserFailureRecorder(() -> browser);

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void backendUrl(DynamicPropertyRegistry registry) throws Exception {
        if (backend == null) {
            backend = BackendStack.start(Path.of("target", "it-backend.log"), List.of("-XX:TieredStopAtLevel=1"));
        }
        registry.add("taskapp.backend.url", backend::url);
    }

    @BeforeAll
    static void openBrowser() throws Exception {
        Assumptions.assumeTrue(Browsers.installed(), "chromium and chromedriver are not installed in /usr/bin");
        browser = Browsers.headlessChromium(1280, 900);
    }

    @AfterAll
    static void closeEverything() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        }
        finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    @Test
    @Order(1)
    void aUserManagesTasksFromSignUpToSignInAgain() {
        String username = "alice" + System.nanoTime() % 1_000_000;
        String password = "correct-horse-42";
        open("/tasks");
        assertThat(browser.getCurrentUrl()).contains("/signin");
        browser.findElement(By.linkText("Create an account")).click();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitText("#task-list", "You have no tasks yet");
        assertThat(text("header")).contains("Signed in as " + username);

        // the backend's validation problem appears next to the field it names
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        WebElement titleError = await(By.id("new-title-error"));
        assertThat(titleError.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("new-title")).getAttribute("aria-invalid")).isEqualTo("true");

        createTask("Buy milk", "high");
        createTask("Write report", "medium");
        createTask("Call plumber", "low");
        awaitText("#list-heading", "(3)");
        assertThat(text("#announcer")).contains("Task “Call plumber” created.");

        // edit in place
        row("Write report").findElement(By.partialLinkText("Edit")).click();
        WebElement title = await(By.cssSelector("li.editing input[name=title]"));
        title.clear();
        title.sendKeys("Write annual report");
        new Select(browser.findElement(By.cssSelector("li.editing select[name=status]"))).selectByValue("in_progress");
        browser.findElement(By.cssSelector("li.editing button[type=submit]")).click();
        awaitText("#task-list", "Write annual report");
        assertThat(text(row("Write annual report"))).contains("In progress");

        // filter by priority, then search, then show all again
        new Select(browser.findElement(By.id("filter-priority"))).selectByValue("high");
        awaitText("#list-heading", "(1)");
        assertThat(text("#task-list")).contains("Buy milk").doesNotContain("Call plumber");
        assertThat(browser.getCurrentUrl()).contains("priority=high");
        new Select(browser.findElement(By.id("filter-priority"))).selectByValue("");
        awaitText("#list-heading", "(3)");
        browser.findElement(By.id("q")).sendKeys("annual");
        awaitText("#list-heading", "(1)");
        assertThat(text("#task-list")).contains("Write annual report").doesNotContain("Buy milk");
        browser.findElement(By.id("q")).clear(); // the search box reloads the list by itself after a pause
        awaitText("#list-heading", "(3)");
        waitUntil(d -> d.findElements(By.cssSelector(".htmx-request")).isEmpty());

        // complete, then delete with confirmation
        row("Buy milk").findElement(By.cssSelector("form[action$='/complete'] button")).click();
        awaitText("#announcer", "Task “Buy milk” completed.");
        waitUntil(d -> row("Buy milk").getAttribute("class").contains("done"));
        row("Call plumber").findElement(By.partialLinkText("Delete")).click();
        await(By.xpath("//button[normalize-space()='Yes, delete']")).click();
        awaitText("#list-heading", "(2)");
        assertThat(text("#task-list")).doesNotContain("Call plumber");

        // sign out, sign in again: the remaining tasks are there
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        awaitText("main", "You have signed out");
        signIn(username, password);
        awaitText("#list-heading", "(2)");
        assertThat(text("#task-list")).contains("Buy milk", "Write annual report").doesNotContain("Call plumber");
        assertThat(row("Buy milk").getAttribute("class")).contains("done");

        // a token the backend rejects: sign in again with a message, then back where the user was
        browser.manage().deleteCookieNamed("taskapp_token");
        browser.manage().addCookie(new Cookie("taskapp_token", "not-a-valid-token", "/"));
        open("/tasks?status=done");
        awaitText("main", "Your session has expired");
        signIn(username, password);
        awaitText("#list-heading", "(1)");
        assertThat(browser.getCurrentUrl()).endsWith("/tasks?status=done");
    }

    @Test
    @Order(2)
    void cookiesAreHttpOnlyLaxSecureBehindHttpsAndThereIsNoSession() throws Exception {
        HttpResponse<String> page = http.send(request("/signin").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        String csrfCookie = setCookie(page, "taskapp_csrf");
        assertThat(csrfCookie).contains("HttpOnly", "SameSite=Lax", "Secure");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();

        HttpResponse<String> withoutToken = http.send(request("/signin").header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=whatever-123")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        String user = "bob" + System.nanoTime() % 1_000_000;
        HttpResponse<String> signUp = http.send(request("/signup").header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.split(";")[0])
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=correct-horse-42&_csrf="
                        + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(302);
        assertThat(setCookie(signUp, "__Host-taskapp_token")).contains("HttpOnly", "SameSite=Lax", "Secure", "Path=/");
        assertThat(String.join("\n", page.headers().allValues("Set-Cookie")) + signUp.headers().allValues("Set-Cookie"))
                .doesNotContain("JSESSIONID");
    }

    /**
     * The backend limits failed logins per client address (20 a minute by default); through the UI that
     * address must be the browser's, or one guesser would lock every UI user out. This test reaches the
     * frontend from loopback, a trusted proxy, so its X-Forwarded-For is the browser's address.
     */
    @Test
    @Order(3)
    void aBrowserAddressThrottledForGuessingDoesNotLockOutOtherBrowsers() throws Exception {
        String user = "dana" + System.nanoTime() % 1_000_000;
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(backend.url() + "/api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"correct-horse-42\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(201);
        SignInForm form = signInForm();

        for (int i = 0; i < 20; i++) { // other user names each time: only the per-address limit is reached
            assertThat(signInFrom("198.51.100.7", form, "nobody" + i + user, "wrong-guess").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = signInFrom("198.51.100.7", form, user, "correct-horse-42");
        assertThat(throttled.statusCode()).as("browser A is throttled, even with the right password").isEqualTo(429);
        assertThat(throttled.body()).contains("Too many failed logins");
        assertThat(throttled.headers().firstValue("Retry-After")).as("the backend's Retry-After, passed on")
                .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());

        HttpResponse<String> otherBrowser = signInFrom("198.51.100.8", form, user, "correct-horse-42");
        assertThat(otherBrowser.statusCode()).as("browser B signs in").isEqualTo(302);
        assertThat(setCookie(otherBrowser, "taskapp_token")).contains("HttpOnly");
        // a forwarded value that is no address is not passed on, and breaks nothing
        assertThat(signInFrom("not-an-ip", form, "nobody" + user, "wrong-guess").statusCode()).isEqualTo(401);
    }

    private SignInForm signInForm() throws Exception {
        HttpResponse<String> page = http.send(request("/signin").build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        return new SignInForm(setCookie(page, "taskapp_csrf").split(";")[0], token.group(1));
    }

    /** Posts the sign-in form as the browser at this address (behind a trusted proxy) would. */
    private HttpResponse<String> signInFrom(String browserAddress, SignInForm form, String username, String password)
            throws Exception {
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(form.token());
        return http.send(request("/signin").header("X-Forwarded-For", browserAddress).header("Cookie", form.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF cookie and token of one sign-in page. */
    private record SignInForm(String cookie, String token) {
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @Order(4)
    void healthFollowsTheBackendDownAndUpAgain() throws Exception {
        assertThat(health().statusCode()).isEqualTo(200);
        assertThat(health().body()).contains("\"status\":\"healthy\"", "\"service\":\"task-management-frontend\"");

        backend.stopBackend();
        HttpResponse<String> down = awaitHealth(503);
        assertThat(down.body()).contains("\"status\":\"unhealthy\"", "Backend unreachable\"");
        assertThat(down.body()).doesNotContain(backend.url());
        open("/tasks");
        assertThat(text("h1")).contains("Service unavailable, retrying");
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        // on the management port (issue 13)
        int managementPort = environment.getProperty("local.management.port", Integer.class, port);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("liveness is the process only").isEqualTo(200);

        backend.startBackend();
        awaitHealth(200);
        // the 503 page retries by itself and shows the list again
        waitUntil(d -> d.findElements(By.id("task-list")).size() == 1);
    }

    private HttpResponse<String> awaitHealth(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> response = health();
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = health();
        }
        assertThat(response.statusCode()).isEqualTo(status);
        return response;
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(request("/api/health").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie set"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
    }

    private void createTask(String title, String priority) {
        WebElement input = await(By.id("new-title"));
        input.sendKeys(title);
        new Select(browser.findElement(By.id("new-priority"))).selectByValue(priority);
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        awaitText("#task-list", title);
    }

    private WebElement row(String title) {
        return browser.findElement(By.xpath("//li[contains(@class,'task')][.//h3[normalize-space()='" + title + "']]"));
    }

    /** Waits up to 15 s; htmx replaces elements as it goes, so a stale reference just means "look again". */
    private static <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private WebElement await(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void awaitText(String css, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String text(WebElement element) {
        return element.getText();
    }
}
