package dev.taskapp.frontend.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real backend on a real PostgreSQL, for browser tests and the benchmark: PostgreSQL from
 * zonky's embedded binaries, the backend's boot jar (copied into target/ by the build) as a child
 * process on a free port. The backend can be stopped and started again on the same port.
 */
public final class BackendStack implements AutoCloseable {

    private static final Path BACKEND_JAR = Path.of(System.getProperty("taskapp.backend.jar",
            "target/backend/taskapp-backend.jar"));

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private final List<String> jvmArgs;
    private ServiceProcess backend;

    private BackendStack(EmbeddedPostgres postgres, int port, Path log, List<String> jvmArgs) {
        this.postgres = postgres;
        this.port = port;
        this.log = log;
        this.jvmArgs = jvmArgs;
        this.environment = Map.of(
                "DATABASE_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres",
                "JWT_SECRET_KEY", randomSecret(),
                "SECRET_KEY", randomSecret(),
                "SERVER_PORT", String.valueOf(port),
                "MANAGEMENT_PORT", "0"); // any free port: 8081 may be taken (by the frontend under test, too)
    }

    public static BackendStack start(Path log, List<String> jvmArgs) throws IOException, InterruptedException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        BackendStack stack = new BackendStack(postgres, ServiceProcess.freePort(), log, jvmArgs);
        try {
            stack.startBackend();
        }
        catch (IOException | InterruptedException | RuntimeException ex) {
            stack.close();
            throw ex;
        }
        return stack;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public void startBackend() throws IOException, InterruptedException {
        backend = new ServiceProcess(BACKEND_JAR, jvmArgs, environment, log)
                .start();
        backend.awaitHealthy(url() + "/api/health", Duration.ofSeconds(90));
    }

    /** The running backend process (for the benchmark's CPU figures). */
    public ServiceProcess process() {
        return backend;
    }

    public void stopBackend() throws InterruptedException {
        if (backend != null) {
            backend.stop();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stopBackend();
        }
        finally {
            try {
                postgres.close();
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
