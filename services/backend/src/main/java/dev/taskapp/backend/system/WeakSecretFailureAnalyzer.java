package dev.taskapp.backend.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short secret into a one-line description naming the variable. */
public class WeakSecretFailureAnalyzer extends AbstractFailureAnalyzer<SecretsCheck.WeakSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsCheck.WeakSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + cause.variable() + " (e.g. to the output of `openssl rand -base64 48`), "
                        + "or run with SPRING_PROFILES_ACTIVE=dev for local development only.",
                cause);
    }
}
