package dev.taskapp.backend.abuse;

import java.util.Map;
import java.util.TreeMap;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: every /api/auth/** call is throttled per client address (each sign-up costs a bcrypt
 * hash), here at 20 per minute; and a user holds at most a configured number
 * of tasks. Its own context: the shared one runs with a per-address limit no test reaches.
 */
@IntegrationTest
@TestPropertySource(properties = {"taskapp.auth-throttle.requests-per-address=20",
        "taskapp.auth-throttle.window=1m", "taskapp.tasks.max-per-user=3"})
class SignUpAndTaskLimitsScenarioTests {

    @LocalServerPort
    int port;

    @Test
    void aBurstOfSignUpsFromOneAddressMeets429() {
        Api burst = new Api(port, "127.0.0.81");
        String prefix = "burst" + System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Response refused = null;
        for (int i = 0; i < 40; i++) {
            Response response = burst.send("POST", "/api/auth/register", null,
                    "{\"username\":\"" + prefix + i + "\",\"password\":\"correct-horse\"}");
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() == 429) {
                refused = response;
            }
        }
        assertThat(statuses).as("statuses of 40 sign-ups from one address").containsKey(429);
        // 20, plus what refills steadily while the burst runs (one every 3 s)
        assertThat(statuses.getOrDefault(201, 0)).isBetween(20, 23);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // Another address is not affected.
        assertThat(new Api(port, "127.0.0.82").send("POST", "/api/auth/register", null,
                "{\"username\":\"" + prefix + "x\",\"password\":\"correct-horse\"}").status()).isEqualTo(201);
    }

    @Test
    void tasksPerUserAreCapped() {
        Api api = new Api(port, "127.0.0.83");
        String token = api.signUp("capped" + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            assertThat(api.send("POST", "/api/tasks", token, "{\"title\":\"t" + i + "\"}").status()).isEqualTo(201);
        }
        Response fourth = api.send("POST", "/api/tasks", token, "{\"title\":\"one too many\"}");
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(fourth.json().get("detail").asString()).contains("3");
    }
}
