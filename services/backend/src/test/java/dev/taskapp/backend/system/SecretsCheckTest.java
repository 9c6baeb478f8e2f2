package dev.taskapp.backend.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import dev.taskapp.backend.BackendApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app refuses to start without strong secrets, and says which variable in one line. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsCheckTest {

    @Test
    void startupFailsNamingAShortJwtSecret(CapturedOutput output) {
        assertThatThrownBy(() -> start("--taskapp.security.jwt-secret-key=too-short"))
                .isInstanceOf(SecretsCheck.WeakSecretException.class);
        assertThat(output).contains("JWT_SECRET_KEY is too short (9 bytes): it must be at least 32 bytes");
    }

    /** Issue 13: SECRET_KEY was required and never read; it is now neither (this asserted the refusal). */
    @Test
    void secretKeyIsNoLongerRequired() throws IOException {
        var context = new org.springframework.context.support.GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource(
                "test", java.util.Map.of("taskapp.security.jwt-secret-key", "x".repeat(SecretsCheck.MIN_BYTES))));
        new SecretsCheck().initialize(context);
        assertThat(load("application.properties").getProperty("taskapp.security.secret-key")).isNull();
    }

    @Test
    void failureDescriptionIsOneLineNamingTheVariable() {
        FailureAnalysis analysis = new WeakSecretFailureAnalyzer()
                .analyze(new IllegalStateException(new SecretsCheck.WeakSecretException("JWT_SECRET_KEY", 0)));
        assertThat(analysis.getDescription()).startsWith("JWT_SECRET_KEY ").doesNotContain("\n");
        assertThat(analysis.getAction()).contains("JWT_SECRET_KEY");
    }

    @Test
    void developmentDefaultsExistOnlyInTheDevProfileAndSayTheyAreInsecure() throws IOException {
        Properties main = load("application.properties");
        assertThat(main.getProperty("taskapp.security.jwt-secret-key")).isEqualTo("${JWT_SECRET_KEY:}");

        Properties dev = load("application-dev.properties");
        for (String key : new String[] {"taskapp.security.jwt-secret-key"}) {
            String fallback = dev.getProperty(key).replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
            assertThat(fallback).contains("INSECURE");
            assertThat(fallback.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(SecretsCheck.MIN_BYTES);
        }
    }

    private static void start(String... args) {
        SpringApplication app = new SpringApplication(BackendApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.run(args);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = new ClassPathResource(name).getInputStream()) {
            properties.load(in);
        }
        return properties;
    }
}
