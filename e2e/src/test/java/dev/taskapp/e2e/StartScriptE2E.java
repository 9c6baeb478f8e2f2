package dev.taskapp.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/start.sh in a fresh checkout on a machine that still holds the database volume of an
 * earlier install whose .env is gone: a new .env would bring a new password that the database
 * refuses, and the backend would restart until Compose gives up. The script stops first, in one
 * line that says how out, and the data stays.
 */
@EnabledIf(value = "dev.taskapp.e2e.Commands#dockerEngineAnswers", disabledReason = "no Docker engine answers `docker info`")
class StartScriptE2E {

    private static final Path ROOT = Path.of(System.getProperty("taskapp.root", "..")).toAbsolutePath().normalize();

    @Test
    void aDatabaseLeftByAnEarlierInstallIsNeverStartedUnderANewPassword(@TempDir Path checkout) throws IOException {
        String project = "taskapp-start-" + Long.toHexString(System.nanoTime());
        String volume = project + "_postgres_data";
        Commands.docker("volume", "create", "--label", "com.docker.compose.project=" + project,
                "--label", "com.docker.compose.volume=postgres_data", volume).orThrow();
        try {
            Files.createDirectories(checkout.resolve("scripts"));
            for (String file : List.of("scripts/start.sh", "docker-compose.yml", ".env.example")) {
                Files.copy(ROOT.resolve(file), checkout.resolve(file));
            }

            CommandResult start = Commands.run(List.of("bash", checkout.resolve("scripts/start.sh").toString(), "--no-build"),
                    Map.of("COMPOSE_PROJECT_NAME", project), Duration.ofMinutes(1));

            assertThat(start.exitCode()).as(start.stderr()).isEqualTo(1);
            assertThat(start.stderr().strip().lines().toList()).singleElement().asString()
                    .contains(volume, "no .env", "docker volume rm " + volume);
            assertThat(checkout.resolve(".env")).doesNotExist();
            assertThat(Commands.docker("volume", "inspect", volume).succeeded()).as("the data is kept").isTrue();
        } finally {
            Commands.docker("volume", "rm", volume);
        }
    }
}
