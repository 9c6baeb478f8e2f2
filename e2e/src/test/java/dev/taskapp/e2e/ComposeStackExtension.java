package dev.taskapp.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Brings one stack up for the whole run, shared by every e2e class, and tears it down when the run
 * ends (JUnit closes what the root store holds), pass or fail. Skips, saying why, only where no
 * Docker engine exists.
 */
final class ComposeStackExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ComposeStackExtension.class);
    private static final String NO_ENGINE = "No Docker engine answers `docker info`: the Compose end-to-end tests "
            + "need one (install docker.io and start dockerd; .ci/run does both).";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean engine = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("engine", key -> Commands.dockerEngineAnswers(), Boolean.class);
        if (!engine) {
            System.err.println("[e2e] SKIPPED " + context.getDisplayName() + ": " + NO_ENGINE);
            return ConditionEvaluationResult.disabled(NO_ENGINE);
        }
        return ConditionEvaluationResult.enabled("a Docker engine answers");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context).ensureUp();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ComposeStack.class;
    }

    @Override
    public ComposeStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context).stack;
    }

    private static StartedStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StartedStack.class, key -> new StartedStack(new ComposeStack()), StartedStack.class);
    }

    /** Starts the stack once; a failed start is reported to every class instead of being retried. */
    private static final class StartedStack implements AutoCloseable {
        private final ComposeStack stack;
        private RuntimeException startFailure;
        private boolean started;

        StartedStack(ComposeStack stack) {
            this.stack = stack;
        }

        void ensureUp() {
            if (startFailure != null) {
                throw startFailure;
            }
            if (!started) {
                try {
                    for (String service : ComposeStack.SERVICES) {
                        requireImage(stack.image(service));
                    }
                    stack.up();
                    started = true;
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
        }

        private static void requireImage(String image) {
            if (image.startsWith("taskapp/") && !Commands.docker("image", "inspect", image).succeeded()) {
                throw new IllegalStateException("image " + image + " is not in the local engine: build it with "
                        + "`./mvnw package` (where /var/run/docker.sock exists, package runs jib:dockerBuild)"
                        + " or scripts/build-base-images.sh for taskapp/postgres");
            }
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
