package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import tools.jackson.databind.JsonNode;

/** What `docker inspect` and the running containers show about the hardening in docker-compose.yml. */
@Order(2)
@ExtendWith(ComposeStackExtension.class)
@ExtendWith(ScenarioRecorder.class)
@ScenarioRecorder.Scenario(id = 5, title = "Hardening verified from docker inspect")
class HardeningE2E {

    static final List<String> SERVICES = ComposeStack.SERVICES;
    static final List<String> APPS = List.of("backend", "frontend");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void rootFilesystemIsReadOnlyWithTmpfsForTmp(String service, ComposeStack stack) {
        JsonNode host = stack.inspect(service).get("HostConfig");

        assertThat(host.get("ReadonlyRootfs").asBoolean()).isTrue();
        assertThat(host.get("Tmpfs").has("/tmp")).as("tmpfs on /tmp").isTrue();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void writingOutsideTmpIsRefused(String service, ComposeStack stack) {
        CommandResult write = stack.compose("exec", "-T", service, "touch", "/app/written-by-e2e");

        assertThat(write.exitCode()).isNotZero();
        assertThat(write.stderr()).contains("Read-only file system");
        assertThat(stack.compose("exec", "-T", service, "touch", "/tmp/written-by-e2e").exitCode()).isZero();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void noProcessRunsAsRoot(String service, ComposeStack stack) {
        // docker top runs ps on the host for the container's processes (it needs the pid column).
        List<String> uids = Commands.docker("top", stack.containerId(service), "-eo", "pid,uid").orThrow()
                .stdout().lines().skip(1).map(line -> line.trim().split("\\s+")[1]).toList();

        assertThat(uids).isNotEmpty().doesNotContain("0");
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void appsRunAsTheImagesNumericUser(String service, ComposeStack stack) {
        assertThat(stack.inspect(service).at("/Config/User").asString()).isEqualTo("10001:10001");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void capabilitiesPrivilegesAndResourcesAreLimited(String service, ComposeStack stack) {
        JsonNode host = stack.inspect(service).get("HostConfig");

        assertThat(host.get("CapDrop").valueStream().map(JsonNode::asString)).contains("ALL");
        assertThat(host.get("SecurityOpt").valueStream().map(JsonNode::asString)).contains("no-new-privileges:true");
        assertThat(host.get("Memory").asLong()).as("memory limit").isPositive();
        assertThat(host.get("PidsLimit").asLong()).as("pids limit").isPositive();
        Set<String> allowedCapabilities = service.equals("db")
                ? Set.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID", "CAP_CHOWN", "CAP_DAC_OVERRIDE",
                        "CAP_FOWNER", "CAP_SETGID", "CAP_SETUID")
                : Set.of();
        JsonNode added = host.get("CapAdd");
        List<String> capAdd = added == null || added.isNull() ? List.of() : added.valueStream().map(JsonNode::asString).toList();
        assertThat(capAdd).isSubsetOf(allowedCapabilities);
        ScenarioRecorder.note(5, "%s: memory %d MiB, pids %d".formatted(service, host.get("Memory").asLong() >> 20,
                host.get("PidsLimit").asLong()));
    }

    @Test
    void databasePortIsNotPublished(ComposeStack stack) {
        JsonNode db = stack.inspect("db");

        assertThat(db.at("/HostConfig/PortBindings").isEmpty()).as("db port bindings").isTrue();
        JsonNode published = db.at("/NetworkSettings/Ports/5432~1tcp");
        assertThat(published.isNull() || published.isEmpty()).as("host ports of 5432/tcp: " + published).isTrue();
    }

    @ParameterizedTest
    @FieldSource("APPS")
    void appPortsAreBoundToLoopbackOnly(String service, ComposeStack stack) {
        JsonNode bindings = stack.inspect(service).at("/HostConfig/PortBindings");

        assertThat(bindings.isEmpty()).isFalse();
        bindings.values().forEach(list -> list.values().forEach(binding ->
                assertThat(binding.get("HostIp").asString()).isEqualTo("127.0.0.1")));
    }

    /**
     * The secrets the stack runs with (this run's random ones, and a developer's .env if there is one)
     * are in no layer, config, env, label or history entry of the images, nor in docker-compose.yml.
     */
    @Test
    void secretsAreNeitherInTheImagesNorInTheComposeFile(ComposeStack stack) throws IOException {
        Set<String> secrets = new LinkedHashSet<>();
        secrets.addAll(environment(stack.inspect("backend"), "SECRET_KEY", "JWT_SECRET_KEY"));
        secrets.addAll(environment(stack.inspect("db"), "POSTGRES_PASSWORD"));
        assertThat(secrets).as("the run's secrets, read back from the containers").hasSize(3);
        Path root = Path.of(System.getProperty("taskapp.root", "..")).toAbsolutePath().normalize();
        Path developerEnv = root.resolve(".env");
        if (Files.exists(developerEnv)) {
            Files.readAllLines(developerEnv).stream().map(line -> line.split("=", 2))
                    .filter(pair -> pair.length == 2 && pair[0].matches(".*(PASSWORD|SECRET|KEY).*") && pair[1].length() >= 8)
                    .forEach(pair -> secrets.add(pair[1].replace("\"", "")));
        }
        List<String> images = SERVICES.stream().map(stack::image).toList();

        ImageScan.Result scan = ImageScan.find(secrets, images);
        String composeFile = Files.readString(root.resolve("docker-compose.yml"));
        List<String> secretEnvInImages = images.stream()
                .flatMap(image -> Commands.docker("image", "inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", image)
                        .orThrow().stdout().lines())
                .filter(entry -> entry.split("=", 2)[0].matches(".*(PASSWORD|SECRET).*") && !entry.endsWith("=")).toList();
        ScenarioRecorder.note(5, "secrets found: %d of %d values in %d images (%d MB of layers and configs scanned), %d in docker-compose.yml"
                .formatted(scan.found().size(), secrets.size(), images.size(), scan.bytes() >> 20,
                        secrets.stream().filter(composeFile::contains).count()));

        assertThat(scan.bytes()).as("bytes of the saved images").isPositive();
        assertThat(scan.found()).as("secrets in the images").isEmpty();
        assertThat(secrets).as("secrets in docker-compose.yml").noneMatch(composeFile::contains);
        assertThat(secretEnvInImages).as("secret-looking env baked into the images").isEmpty();
    }

    private static List<String> environment(JsonNode container, String... names) {
        Set<String> wanted = Set.of(names);
        return container.at("/Config/Env").valueStream().map(JsonNode::asString).map(entry -> entry.split("=", 2))
                .filter(pair -> wanted.contains(pair[0])).map(pair -> pair[1]).toList();
    }
}
