package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * What docker-compose.yml promises, read from the file itself: runs everywhere, also where no
 * Docker engine exists (the *E2E classes check the same on running containers).
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("taskapp.root", "..")).toAbsolutePath().normalize();
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            assertThat(compose).containsEntry("name", "taskapp");
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"db", "backend", "frontend"})
    void everyServiceIsHardenedLimitedAndHealthChecked(String name) {
        Map<String, Object> service = service(name);

        assertThat(service).containsEntry("read_only", true).containsEntry("restart", "unless-stopped");
        assertThat(strings(service, "cap_drop")).containsExactly("ALL");
        assertThat(strings(service, "security_opt")).contains("no-new-privileges:true");
        assertThat(strings(service, "tmpfs")).contains("/tmp");
        assertThat(service).containsKeys("mem_limit", "pids_limit");
        assertThat(map(service, "healthcheck")).containsKeys("test", "interval", "start_period");
        // db and frontend share no network: only the backend reaches the database (operator: NetworkPolicy)
        assertThat(strings(service, "networks")).containsExactlyElementsOf(switch (name) {
            case "db" -> List.of("taskapp_db_network");
            case "backend" -> List.of("taskapp_network", "taskapp_db_network");
            default -> List.of("taskapp_network");
        });
    }

    @Test
    void databaseIsNotPublishedAndKeepsOnlyTheCapabilitiesItsEntrypointNeeds() {
        Map<String, Object> db = service("db");

        assertThat(db).doesNotContainKey("ports");
        assertThat(strings(db, "cap_add")).containsExactlyInAnyOrder("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID");
        assertThat(strings(db, "volumes")).containsExactly("postgres_data:/var/lib/postgresql/data");
        assertThat(map(db, "healthcheck").get("test").toString()).contains("pg_isready -h 127.0.0.1");
    }

    @Test
    void tiersStartInOrderOnceTheOneBeforeIsHealthy() {
        assertThat(map(map(service("backend"), "depends_on"), "db")).containsEntry("condition", "service_healthy");
        assertThat(map(map(service("frontend"), "depends_on"), "backend")).containsEntry("condition", "service_healthy");
    }

    @Test
    void portsBindToLoopbackUnlessConfiguredOtherwise() {
        assertThat(strings(service("backend"), "ports")).containsExactly("${TASKAPP_BIND_ADDRESS:-127.0.0.1}:${BACKEND_PORT-5000}:5000");
        assertThat(strings(service("frontend"), "ports")).containsExactly("${TASKAPP_BIND_ADDRESS:-127.0.0.1}:${FRONTEND_PORT-3000}:3000");
    }

    @Test
    void secretsComeFromTheEnvironmentAndAreRequired() {
        Map<String, Object> db = map(service("db"), "environment");
        Map<String, Object> backend = map(service("backend"), "environment");

        assertThat(db.get("POSTGRES_PASSWORD").toString()).startsWith("${POSTGRES_PASSWORD:?");
        // Issue 13: SECRET_KEY is no longer read, so no longer required (this asserted "${SECRET_KEY:?").
        assertThat(backend.get("SECRET_KEY").toString()).isEqualTo("${SECRET_KEY:-}");
        assertThat(backend.get("JWT_SECRET_KEY").toString()).startsWith("${JWT_SECRET_KEY:?");
        assertThat(backend.get("DATABASE_URL").toString()).contains("${POSTGRES_PASSWORD}");
    }

    /** Issue 13: Actuator's management port (8081) is never published; only 5000 and 3000 are. */
    @Test
    void onlyTheServicePortsArePublished() {
        assertThat(strings(service("backend"), "ports")).singleElement().asString().endsWith(":5000");
        assertThat(strings(service("frontend"), "ports")).singleElement().asString().endsWith(":3000");
        assertThat(service("db")).doesNotContainKey("ports");
    }

    @Test
    void everyVariableTheFileReadsIsDocumentedInEnvExample() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        String example = Files.readString(ROOT.resolve(".env.example"));
        List<String> variables = java.util.regex.Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)").matcher(compose)
                .results().map(match -> match.group(1)).distinct().toList();

        assertThat(variables).isNotEmpty().allSatisfy(variable ->
                assertThat(example).as(".env.example documents " + variable).containsPattern("(?m)^" + variable + "="));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<String>) parent.get(key);
    }

    private static Map<String, Object> service(String name) {
        return map(services, name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}
