package dev.taskapp.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's docker-compose.yml run under a project name of its own, with random secrets
 * and ephemeral host ports, so it never meets a developer's stack or another run. Closing it
 * removes containers, network and volume, whatever happened before.
 */
final class ComposeStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("db", "backend", "frontend");
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String project = "taskapp-e2e-" + randomHex(4);
    private final Path directory = Path.of(System.getProperty("taskapp.root", "..")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("taskapp.e2e.work", "target/e2e")).toAbsolutePath();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> composeFiles = new ArrayList<>(List.of("docker-compose.yml"));
    private final Map<String, String> containerIds = new ConcurrentHashMap<>();
    private final Thread teardownOnExit = new Thread(this::down, "compose-teardown");
    private boolean closed;

    ComposeStack() {
        String version = System.getProperty("taskapp.version", "0.1.0");
        environment.put("TASKAPP_VERSION", version);
        environment.put("TASKAPP_IMAGE_PREFIX", System.getProperty("taskapp.image.prefix", "taskapp"));
        environment.put("POSTGRES_DB", "taskapp");
        environment.put("POSTGRES_USER", "taskapp");
        environment.put("POSTGRES_PASSWORD", randomSecret());
        environment.put("SECRET_KEY", randomSecret());
        environment.put("JWT_SECRET_KEY", randomSecret());
        environment.put("TASKAPP_BIND_ADDRESS", "127.0.0.1");
        // Empty: Docker picks a free host port, so tests never take 3000/5000 from anyone.
        environment.put("BACKEND_PORT", "");
        environment.put("FRONTEND_PORT", "");
        String dbImage = System.getenv("TASKAPP_DB_IMAGE");
        environment.put("TASKAPP_DB_IMAGE", dbImage == null || dbImage.isBlank() ? "postgres:17-alpine" : dbImage);
        if (engineMajorVersion() >= 25) {
            composeFiles.add("compose.engine25.yml");
        }
        Runtime.getRuntime().addShutdownHook(teardownOnExit);
    }

    String project() {
        return project;
    }

    String image(String service) {
        return service.equals("db") ? environment.get("TASKAPP_DB_IMAGE")
                : environment.get("TASKAPP_IMAGE_PREFIX") + "/" + service + ":" + environment.get("TASKAPP_VERSION");
    }

    /** `docker compose up -d --wait`: returns once every service is healthy. */
    void up() {
        CommandResult result = compose(UP_TIMEOUT, "up", "-d", "--wait");
        if (!result.succeeded()) {
            throw new IllegalStateException("the stack did not become healthy:\n" + result.stderr()
                    + "\nservice logs: " + saveLogs());
        }
    }

    void down() {
        compose(Duration.ofMinutes(2), "down", "--remove-orphans");
    }

    void downRemovingVolumes() {
        compose(Duration.ofMinutes(2), "down", "--volumes", "--remove-orphans");
    }

    CommandResult compose(String... arguments) {
        return compose(Duration.ofMinutes(2), arguments);
    }

    CommandResult compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "--project-name", project,
                "--project-directory", directory.toString(), "--env-file", envFile().toString()));
        composeFiles.forEach(file -> command.addAll(List.of("--file", directory.resolve(file).toString())));
        command.addAll(List.of(arguments));
        return Commands.run(command, environment, timeout);
    }

    /**
     * Where the host reaches a service's container port, e.g. http://127.0.0.1:49153. Read from `docker
     * inspect` rather than `docker compose port`: tests poll it while a container restarts, and each
     * Compose call costs about ten times the CPU of an inspect, CPU the restarting service then lacks.
     */
    URI url(String service, int containerPort) {
        JsonNode binding = inspect(service).at("/NetworkSettings/Ports/" + containerPort + "~1tcp/0");
        if (binding.isMissingNode() || binding.path("HostPort").asString("").isEmpty()) {
            throw new IllegalStateException(service + " publishes no host port for " + containerPort + " (not running?)");
        }
        return URI.create("http://" + binding.get("HostIp").asString() + ":" + binding.get("HostPort").asString());
    }

    String containerId(String service) {
        String id = compose("ps", "--all", "--quiet", service).orThrow().stdout().trim();
        if (id.isEmpty()) {
            throw new IllegalStateException("no container for service " + service + " in " + project);
        }
        return id;
    }

    /**
     * `docker inspect` of a service's container, as JSON. The container's id is looked up once and
     * again only when the engine no longer knows it (Compose recreated the container).
     */
    JsonNode inspect(String service) {
        String id = containerIds.get(service);
        CommandResult result = id == null ? null : Commands.docker("inspect", id);
        if (result == null || !result.succeeded()) {
            id = containerId(service);
            containerIds.put(service, id);
            result = Commands.docker("inspect", id).orThrow();
        }
        return JSON.readTree(result.stdout()).get(0);
    }

    /** The health Docker reports for a service: healthy, unhealthy, starting. */
    String health(String service) {
        return inspect(service).at("/State/Health/Status").asString();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            saveLogs();
            downRemovingVolumes();
            Runtime.getRuntime().removeShutdownHook(teardownOnExit);
        }
    }

    /** The services' logs go to target/e2e/PROJECT.log, for the reader of a failed run. */
    private Path saveLogs() {
        Path file = work.resolve(project + ".log");
        try {
            Files.createDirectories(work);
            CommandResult logs = compose("logs", "--no-color", "--timestamps");
            Files.writeString(file, logs.stdout() + logs.stderr());
        } catch (IOException | IllegalStateException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
        return file;
    }

    /** Also written to a file: --env-file keeps a developer's .env out, and lets a reader rerun a command. */
    private Path envFile() {
        Path file = work.resolve(project + ".env");
        if (Files.notExists(file)) {
            StringBuilder lines = new StringBuilder();
            environment.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
            try {
                Files.createDirectories(work);
                Files.writeString(file, lines);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file, e);
            }
        }
        return file;
    }

    private static int engineMajorVersion() {
        String version = Commands.docker("version", "--format", "{{.Server.Version}}").orThrow().stdout().trim();
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private static String randomSecret() {
        return randomHex(24);
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
