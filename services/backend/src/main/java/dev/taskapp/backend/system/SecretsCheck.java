package dev.taskapp.backend.system;

import java.nio.charset.StandardCharsets;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Refuses to start without a strong JWT secret, before any bean (or database connection) is made.
 * Runs as an initializer so logging is ready and {@link WeakSecretFailureAnalyzer} reports it.
 */
public class SecretsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final int MIN_BYTES = 32;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            return; // build-time AOT processing: no secrets there; they are checked when the app runs
        }
        Environment env = context.getEnvironment();
        // SECRET_KEY is not checked: nothing reads it (issue 13), so it may be left out.
        require(env, "taskapp.security.jwt-secret-key", "JWT_SECRET_KEY");
    }

    private static void require(Environment env, String property, String variable) {
        String value = env.getProperty(property, "");
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new WeakSecretException(variable, bytes);
        }
    }

    /** A required secret is missing or too short; names the environment variable. */
    public static class WeakSecretException extends IllegalStateException {

        private final String variable;

        WeakSecretException(String variable, int bytes) {
            super(bytes == 0
                    ? variable + " is not set: it must be a random value of at least " + MIN_BYTES + " bytes"
                    : variable + " is too short (" + bytes + " bytes): it must be at least " + MIN_BYTES + " bytes");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }
}
