package dev.taskapp.backend.abuse;

import java.util.Map;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the fuzzer (ApiFuzzingTests) once answered with 500 or an HTML page; kept as examples. */
@IntegrationTest
class ApiFuzzingRegressionTests {

    @LocalServerPort
    int port;
    Api api;
    String token;
    long taskId;

    @BeforeEach
    void userWithATask() {
        api = new Api(port, "127.0.0.82");
        token = api.signUp("regress" + System.nanoTime());
        taskId = api.send("POST", "/api/tasks", token, "{\"title\":\"kept\"}").json().get("id").asLong();
    }

    /** PostgreSQL cannot store NUL in text; it used to surface as a 500. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST  | /api/tasks       | {\"title\":\"\\u0000\"}",
            "POST  | /api/tasks       | {\"title\":\"ok\",\"description\":\"a\\u0000b\"}",
            "PATCH | /api/tasks/{id}  | {\"title\":\"\\u0000\",\"version\":0}",
            "PUT   | /api/tasks/{id}  | {\"title\":\"x\",\"description\":\"\\u0000\",\"version\":0}",
            "POST  | /api/auth/login  | {\"username\":\"\\u0000\",\"password\":\"whatever1\"}"})
    void nulCharacterInTextIsA400(String method, String path, String body) {
        String before = api.get("/api/tasks/" + taskId, token).body();
        Response response = api.send(method, path.replace("{id}", String.valueOf(taskId)), token, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.get("/api/tasks/" + taskId, token).body()).isEqualTo(before);
        assertThat(api.get("/api/tasks", token).json().get("total_items").asInt()).isEqualTo(1);
    }

    /** (A lone NUL is trimmed away like other whitespace, so q=%00 is no search at all.) */
    @ParameterizedTest
    @CsvSource({"/api/tasks?q=a%00b", "/api/tasks?q=x%00y%00z"})
    void nulCharacterInSearchIsA400(String path) {
        Response response = api.get(path, token);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    /** Tomcat refuses these before Spring runs; its error report is problem+json too, not HTML. */
    @ParameterizedTest
    @CsvSource({"GET, /api/tasks/%00", "DELETE, /api/tasks/%00%5C", "GET, /api/tasks/a%5Cb", "PATCH, /api/tasks/1%2F2"})
    void pathsTomcatRefusesGetProblemJson(String method, String path) {
        Response response = api.send(method, path, token, "{}", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(api.get("/api/tasks/" + taskId, token).status()).isEqualTo(200);
    }
}
