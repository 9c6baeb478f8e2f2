package dev.taskapp.frontend.backend;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backend that answers its headers and then stalls in the body is unavailable (the 503 page),
 * not an unexpected error (the 500 page) — the same as one that does not answer at all.
 */
class BackendClientTimeoutTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer backend;

    @AfterEach
    void stop() {
        release.countDown();
        backend.stop(0);
    }

    @Test
    void aBodyThatStallsPastTheReadTimeoutIsUnavailable() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/api/tasks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: the body follows
            OutputStream body = exchange.getResponseBody();
            body.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
            body.flush();
            try {
                release.await(); // stalls until the test ends
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        backend.start();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(Duration.ofMillis(300));
        BackendClient client = new BackendClient(RestClient.builder().requestFactory(requests),
                new BackendProperties(URI.create("http://127.0.0.1:" + backend.getAddress().getPort())),
                JsonMapper.builder().build());

        assertThatThrownBy(() -> client.listTasks("token", new TaskFilter(null, null, null, null, 0)))
                .isInstanceOf(BackendUnavailableException.class);
    }
}
