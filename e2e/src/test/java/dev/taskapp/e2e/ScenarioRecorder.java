package dev.taskapp.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records a whole test class as one scorecard scenario: PASS when every test in it passed. Tests add
 * what they measured with {@link #note}; the figure is the count of checks and those notes.
 */
final class ScenarioRecorder implements TestWatcher, AfterAllCallback {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Scenario {
        int id();

        String title();
    }

    private static final Map<Integer, List<String>> NOTES = new ConcurrentHashMap<>();
    private final List<String> passed = new CopyOnWriteArrayList<>();
    private final List<String> failed = new CopyOnWriteArrayList<>();

    static void note(int scenario, String note) {
        NOTES.computeIfAbsent(scenario, id -> new CopyOnWriteArrayList<>()).add(note);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        passed.add(context.getDisplayName());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed.add(context.getParent().map(ExtensionContext::getDisplayName).orElse("") + " " + context.getDisplayName());
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        failed.add(context.getDisplayName() + " (aborted)");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        failed.add(context.getDisplayName() + " (disabled)");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Scenario scenario = context.getRequiredTestClass().getAnnotation(Scenario.class);
        String figure = "%d of %d checks passed".formatted(passed.size(), passed.size() + failed.size())
                + (failed.isEmpty() ? "" : " (failed: " + String.join("; ", failed) + ")")
                + NOTES.getOrDefault(scenario.id(), List.of()).stream().map(note -> "; " + note).reduce("", String::concat);
        Scorecard.record(scenario.id(), scenario.title(), failed.isEmpty() && !passed.isEmpty(), figure);
    }
}
