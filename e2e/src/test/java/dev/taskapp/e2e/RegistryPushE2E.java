package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The CI way of publishing images: `./mvnw compile jib:build` with credentials from the environment
 * pushes both images to a registry (here Debian's docker-registry on 127.0.0.1), and `docker pull`
 * brings back the very same images.
 */
@Order(6)
@EnabledIf(value = "dev.taskapp.e2e.Commands#dockerEngineAnswers", disabledReason = "no Docker engine answers `docker info`")
class RegistryPushE2E {

    private static final String USER = "ci";
    private static final String PASSWORD = ComposeStack.randomHex(12);
    private static final Path ROOT = Path.of(System.getProperty("taskapp.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("taskapp.version", "0.1.0");

    private static LocalRegistry registry;
    private static Path dockerConfig;

    @BeforeAll
    static void startRegistry() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(LocalRegistry.BINARY),
                LocalRegistry.BINARY + " is missing (apt-get install docker-registry; .ci/run does it)");
        registry = new LocalRegistry(USER, PASSWORD);
        // A private Docker client config: the login below never touches the user's ~/.docker.
        dockerConfig = Files.createTempDirectory("taskapp-docker-config");
    }

    @AfterAll
    static void stopRegistry() throws IOException {
        if (registry != null) {
            for (String service : List.of("backend", "frontend")) {
                Commands.docker("image", "rm", registry.address() + "/taskapp/" + service + ":" + VERSION);
            }
            registry.close();
        }
    }

    @Test
    void jibPushesBothImagesAndDockerPullsTheSameImagesBack() throws IOException {
        CommandResult push = Commands.run(List.of(ROOT.resolve("mvnw").toString(), "-B", "-q",
                        "-f", ROOT.resolve("pom.xml").toString(), "-pl", "services/backend,services/frontend",
                        "-Dimage.prefix=" + registry.address() + "/taskapp",
                        // Plain HTTP and credentials over it: allowed for this loopback registry only.
                        "-Djib.allowInsecureRegistries=true", "-DsendCredentialsOverHttp=true",
                        "compile", "jib:build"),
                Map.of("TASKAPP_REGISTRY_USERNAME", USER, "TASKAPP_REGISTRY_PASSWORD", PASSWORD),
                Duration.ofMinutes(5));
        assertThat(push.exitCode()).as("jib:build\n" + push.stdout() + push.stderr()).isZero();

        assertThat(docker("pull", image("backend")).succeeded()).as("pull without credentials").isFalse();
        docker("login", "--username", USER, "--password-stdin", registry.address());
        for (String service : List.of("backend", "frontend")) {
            docker("pull", image(service)).orThrow();
            // The pulled image is the one Jib pushed: same image ID (Jib writes it to target/jib-image.id).
            String pushedId = Files.readString(ROOT.resolve("services/" + service + "/target/jib-image.id")).trim();
            assertThat(imageId(image(service))).as(service).isEqualTo(pushedId);
            assertThat(Commands.docker("image", "inspect", "-f",
                    "{{index .Config.Labels \"org.opencontainers.image.version\"}}", image(service)).orThrow().stdout().trim())
                    .isEqualTo(VERSION);
        }
    }

    private static String image(String service) {
        return registry.address() + "/taskapp/" + service + ":" + VERSION;
    }

    private static String imageId(String image) {
        return Commands.docker("image", "inspect", "-f", "{{.Id}}", image).orThrow().stdout().trim();
    }

    private static CommandResult docker(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("docker", "--config", dockerConfig.toString()));
        command.addAll(List.of(arguments));
        if (command.contains("--password-stdin")) {
            return loginWithPassword(command);
        }
        return Commands.run(command, Map.of(), Duration.ofMinutes(2));
    }

    private static CommandResult loginWithPassword(List<String> command) {
        List<String> shell = List.of("sh", "-c", "printf '%s' \"$REGISTRY_PASSWORD\" | " + String.join(" ", command));
        return Commands.run(shell, Map.of("REGISTRY_PASSWORD", PASSWORD), Duration.ofMinutes(1)).orThrow();
    }
}
