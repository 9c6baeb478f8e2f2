package dev.taskapp.backend.task;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dev.taskapp.backend.Api;
import dev.taskapp.backend.Api.Response;
import dev.taskapp.backend.IntegrationTest;
import dev.taskapp.backend.Scorecard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scorecard row 19 (issue 13): writes racing on one task (a PATCH and two DELETEs of the version
 * the client read, released together) answer 200/204 to the winner and 404/409/412 to the others,
 * never 5xx: an optimistic-locking failure is a conflict, not a database outage.
 */
@IntegrationTest
class RacingWritesScenarioTests {

    private static final String TITLE = "Racing writes on one task: no 5xx";
    private static final int RACES = 300;

    @LocalServerPort
    int port;

    @Test
    void racingPatchAndDeleteNeverAnswer5xx() throws Exception {
        Api api = new Api(port, "127.0.0.95");
        String token = api.signUp("racer" + System.nanoTime());
        Map<Integer, Integer> statuses = new TreeMap<>();
        int serverErrors = 0;
        String figure = "not finished";
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (int race = 0; race < RACES; race++) {
                String path = "/api/tasks/" + api.send("POST", "/api/tasks", token, "{\"title\":\"race\"}")
                        .json().get("id").asLong();
                Map<String, String> v0 = Map.of("If-Match", "\"0\"");
                CyclicBarrier start = new CyclicBarrier(3);
                List<Supplier<Response>> writes = List.of(
                        () -> api.send("PATCH", path, token, "{\"title\":\"patched\"}", v0),
                        () -> api.delete(path, token, v0),
                        () -> api.delete(path, token, v0));
                List<Future<Response>> results = writes.stream().map(write -> pool.submit(() -> {
                    start.await();
                    return write.get();
                })).toList();
                for (Future<Response> result : results) {
                    int status = result.get().status();
                    statuses.merge(status, 1, Integer::sum);
                    serverErrors += status >= 500 ? 1 : 0;
                }
            }
            figure = "%d races (PATCH + 2 DELETE of version 0, released together): %d requests answered 5xx;"
                    .formatted(RACES, serverErrors) + " statuses " + statuses;
            assertThat(serverErrors).as(figure).isZero();
            assertThat(statuses.keySet()).as(figure).isSubsetOf(200, 204, 404, 409, 412);
        } finally {
            Scorecard.record(19, TITLE, serverErrors == 0 && !figure.equals("not finished")
                    && statuses.keySet().stream().allMatch(s -> List.of(200, 204, 404, 409, 412).contains(s)), figure);
        }
    }
}
