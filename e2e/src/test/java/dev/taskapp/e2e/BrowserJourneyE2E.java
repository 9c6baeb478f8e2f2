package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person signs up, adds a task and sees it, in headless Chromium against the frontend container. */
@Order(3)
@ExtendWith(ComposeStackExtension.class)
class BrowserJourneyE2E {

    private static final String CHROMIUM = System.getProperty("taskapp.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("taskapp.chromedriver", "/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signUpAddATaskAndSeeIt(ComposeStack stack) {
        URI frontend = stack.url("frontend", 3000);
        String erin = "erin_" + ComposeStack.randomHex(3);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(frontend.resolve("/signup").toString());
        browser.findElement(By.id("username")).sendKeys(erin);
        browser.findElement(By.id("password")).sendKeys("correct-horse-battery");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-form")));

        browser.findElement(By.cssSelector("#create-form [name=title]")).sendKeys("Buy oat milk");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("task-list"), "Buy oat milk"));

        // The task went through the frontend to the backend and its database, not just onto the page.
        TaskAppApi api = new TaskAppApi(stack.url("backend", 5000));
        assertThat(api.taskTitles(api.token(erin, "correct-horse-battery"))).containsExactly("Buy oat milk");

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("task-list")).getText()).contains("Buy oat milk");
    }
}
