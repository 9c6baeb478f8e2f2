package dev.taskapp.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the docker CLI (and Compose through it) as a user would type it. */
final class Commands {

    private Commands() {
    }

    static CommandResult run(List<String> command, Map<String, String> environment, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            // Output goes to files, not pipes: a chatty command can never block on a full pipe.
            stdout = Files.createTempFile("e2e-out", ".txt");
            stderr = Files.createTempFile("e2e-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` took longer than " + timeout);
            }
            return new CommandResult(String.join(" ", command), process.exitValue(),
                    Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    static CommandResult docker(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        return run(command, Map.of(), Duration.ofMinutes(1));
    }

    /** The engine answers: `docker info` works (the CLI is installed and the daemon runs). */
    static boolean dockerEngineAnswers() {
        try {
            return run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Map.of(), Duration.ofSeconds(20))
                    .succeeded();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
