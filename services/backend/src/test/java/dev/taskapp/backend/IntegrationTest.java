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
                "taskapp.login-throttle.failures-per-username-and-address=3",
                "taskapp.login-throttle.failures-per-address=6", "taskapp.login-throttle.failures-per-username=10",
                "taskapp.login-throttle.window=8s",
                // Every test signs up from 127.0.0.1: SignUpAndTaskLimitsScenarioTests runs the real limit.
                "taskapp.auth-throttle.requests-per-address=100000",
                // Actuator on its own random port, as in production on 8081 (local.management.port).
                "management.server.port=0"})
@Import(TestDatabase.class)
public @interface IntegrationTest {
}
