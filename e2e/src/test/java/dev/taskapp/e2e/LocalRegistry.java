package dev.taskapp.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Debian's docker-registry (the CNCF distribution registry) on 127.0.0.1 and a free port, with
 * htpasswd authentication and its storage in a temporary directory.
 */
final class LocalRegistry implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("taskapp.docker-registry", "/usr/bin/docker-registry"));

    private final Path directory;
    private final Process process;
    private final int port;

    LocalRegistry(String username, String password) throws IOException {
        directory = Files.createTempDirectory("taskapp-registry");
        port = freePort();
        Files.writeString(directory.resolve("htpasswd"), username + ":" + BCrypt.hashpw(password, BCrypt.gensalt()) + "\n");
        Files.writeString(directory.resolve("config.yml"), """
                version: 0.1
                log: {level: warn}
                storage: {filesystem: {rootdirectory: %s}}
                http: {addr: "127.0.0.1:%d", secret: %s}
                auth: {htpasswd: {realm: taskapp-e2e, path: %s}}
                """.formatted(directory.resolve("storage"), port, ComposeStack.randomHex(16), directory.resolve("htpasswd")));
        process = new ProcessBuilder(BINARY.toString(), "serve", directory.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Eventually.until("the registry answers on port " + port, Duration.ofSeconds(20), () -> answers(http));
    }

    /** host:port, as an image name prefix: 127.0.0.1:PORT */
    String address() {
        return "127.0.0.1:" + port;
    }

    private boolean answers(HttpClient http) {
        if (!process.isAlive()) {
            throw new IllegalStateException("docker-registry exited; see " + directory.resolve("registry.log"));
        }
        try {
            // Unauthenticated /v2/ answers 401 once the registry listens.
            return http.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
