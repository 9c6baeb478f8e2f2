package dev.taskapp.frontend.backend;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: the public /api/health said "Backend unreachable at http://backend:5000". */
class BackendClientHealthTest {

    @Test
    void theHealthProblemNamesNoInternalAddress() {
        URI internal = URI.create("http://127.0.0.1:9"); // discard port: nothing listens
        BackendClient client = new BackendClient(RestClient.builder(), new BackendProperties(internal),
                JsonMapper.builder().build());
        assertThat(client.healthProblem()).isEqualTo("Backend unreachable").doesNotContain("127.0.0.1");
    }
}
