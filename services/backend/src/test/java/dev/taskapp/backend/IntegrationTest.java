package dev.taskapp.backend;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The whole app on a random port against the shared test PostgreSQL; one context for all such tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"taskapp.security.cors-origins=http://localhost:3000,https://tasks.example",
                // A short throttle window, so LoginBruteForceScenarioTests can wait it out.
                "taskapp.login-throttle.failures-per-username=3", "taskapp.login-throttle.failures-per-address=6",
                "taskapp.login-throttle.window=8s"})
@Import(TestDatabase.class)
public @interface IntegrationTest {
}
