package dev.taskapp.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** On a failed browser test, keeps a screenshot and the page source under target/selenium/. */
class BrowserFailureRecorder implements TestWatcher {

    private final Supplier<WebDriver> driver;

    BrowserFailureRecorder(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        WebDriver browser = driver.get();
        if (browser == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "selenium"));
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
        }
        catch (Exception ex) {
            cause.addSuppressed(ex);
        }
    }
}
