package dev.taskapp.frontend.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The signed-in task list as headless chromium shows it, at desktop and phone width. */
final class Screenshots {

    private Screenshots() {
    }

    static void taskList(String base, String token, Path out) throws Exception {
        shoot(base, token, 1280, 1000, false, out.resolve("task-list.png"));
        shoot(base, token, 390, 844, true, out.resolve("task-list-phone.png"));
    }

    private static void shoot(String base, String token, int width, int height, boolean phone, Path file)
            throws Exception {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
                        "--window-size=" + width + "," + height,
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (phone) { // a window cannot be narrower than 500 px: emulate the phone's screen instead
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0), "userAgent",
                    "Mozilla/5.0 (Linux; Android 14) Mobile"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(base + "/signin");
            browser.manage().addCookie(new Cookie("taskapp_token", token, "/"));
            browser.manage().addCookie(new Cookie("taskapp_user", FrontendBenchmark.USERNAME, "/"));
            browser.get(base + "/tasks");
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        }
        finally {
            browser.quit();
        }
    }
}
