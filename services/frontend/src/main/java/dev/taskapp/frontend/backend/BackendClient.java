package dev.taskapp.frontend.backend;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's REST API as the pages need it. Every failure comes out as one of two exceptions:
 * {@link BackendUnavailableException} (unreachable, timeout, an answer cut short, 5xx) or {@link BackendProblemException} (4xx).
 * Calls made for a page carry the browser's address ({@link BrowserAddressForwarding}).
 */
@Component
public class BackendClient {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BackendClient.class);

    private final RestClient rest;
    private final String baseUrl;

    BackendClient(RestClient.Builder builder, BackendProperties properties, JsonMapper jsonMapper) {
        this.baseUrl = properties.url().toString();
        this.rest = builder.baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .requestInterceptor(new BrowserAddressForwarding())
                .defaultStatusHandler(HttpStatusCode::is5xxServerError, (request, response) -> {
                    throw new BackendUnavailableException("backend answered " + response.getStatusCode(), null);
                })
                .defaultStatusHandler(HttpStatusCode::is4xxClientError, (request, response) -> {
                    throw new BackendProblemException(readProblem(jsonMapper, response.getStatusCode(),
                            response.getBody().readAllBytes()), response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                })
                .build();
    }

    public void register(String username, String password) {
        call(() -> rest.post().uri("/api/auth/register").body(Map.of("username", username, "password", password))
                .retrieve().toBodilessEntity());
    }

    public SignIn login(String username, String password) {
        return call(() -> rest.post().uri("/api/auth/login").body(Map.of("username", username, "password", password))
                .retrieve().body(SignIn.class));
    }

    public TaskPage listTasks(String token, TaskFilter filter) {
        return call(() -> rest.get().uri(builder -> taskListUri(builder, filter)).headers(bearer(token))
                .retrieve().body(TaskPage.class));
    }

    public TaskView getTask(String token, long id) {
        return call(() -> rest.get().uri("/api/tasks/{id}", id).headers(bearer(token)).retrieve()
                .body(TaskView.class));
    }

    public TaskView createTask(String token, TaskDraft draft) {
        return call(() -> rest.post().uri("/api/tasks").headers(bearer(token)).body(draft)
                .retrieve().body(TaskView.class));
    }

    public TaskView updateTask(String token, long id, TaskDraft draft) {
        return call(() -> rest.put().uri("/api/tasks/{id}", id).headers(bearer(token)).body(draft)
                .retrieve().body(TaskView.class));
    }

    /** Conditional on the version the page showed (If-Match): 412 when it changed since. */
    public TaskView completeTask(String token, long id, long version) {
        return call(() -> rest.patch().uri("/api/tasks/{id}", id).headers(bearer(token)).headers(ifMatch(version))
                .body(Map.of("status", "done")).retrieve().body(TaskView.class));
    }

    /** Conditional on the version the page showed (If-Match): 412 when it changed since. */
    public void deleteTask(String token, long id, long version) {
        call(() -> rest.delete().uri("/api/tasks/{id}", id).headers(bearer(token)).headers(ifMatch(version))
                .retrieve().toBodilessEntity());
    }

    /** Ends the token on the backend too, so a copy of the cookie stops working. */
    public void signOut(String token) {
        call(() -> rest.post().uri("/api/auth/logout").headers(bearer(token)).retrieve().toBodilessEntity());
    }

    /** Why the backend's own health check does not pass, or null when it answers 200. */
    public String healthProblem() {
        try {
            rest.get().uri("/api/health").retrieve().toBodilessEntity();
            return null;
        }
        catch (BackendUnavailableException | BackendProblemException ex) {
            log.warn("Backend health check failed: {}", ex.getMessage());
            return "Backend health check failed";
        }
        catch (ResourceAccessException ex) {
            // The page is public: the backend's internal address and errors go to the log only.
            log.warn("Backend unreachable at {}: {}", baseUrl, ex.getMessage());
            return "Backend unreachable";
        }
    }

    private static URI taskListUri(UriBuilder builder, TaskFilter filter) {
        builder.path("/api/tasks").queryParam("page", filter.page());
        if (StringUtils.hasText(filter.status())) {
            builder.queryParam("status", filter.status());
        }
        if (StringUtils.hasText(filter.priority())) {
            builder.queryParam("priority", filter.priority());
        }
        if (StringUtils.hasText(filter.q())) {
            builder.queryParam("q", "{q}");
        }
        if (StringUtils.hasText(filter.sort())) {
            builder.queryParam("sort", filter.sort());
        }
        // q is user text: expanded as a variable so it is fully encoded
        return builder.build(Map.of("q", filter.q() == null ? "" : filter.q()));
    }

    private static java.util.function.Consumer<HttpHeaders> ifMatch(long version) {
        return headers -> headers.setIfMatch("\"" + version + "\"");
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        }
        catch (ResourceAccessException ex) {
            throw new BackendUnavailableException("backend unreachable: " + ex.getMessage(), ex);
        }
        catch (RestClientException ex) {
            // The answer broke off or stalled in its body (the read timeout): as unavailable as no answer.
            if (ex.getMostSpecificCause() instanceof IOException) {
                throw new BackendUnavailableException("backend answer cut short: " + ex.getMostSpecificCause(), ex);
            }
            throw ex;
        }
    }

    private static Problem readProblem(JsonMapper jsonMapper, HttpStatusCode status, byte[] body) {
        try {
            Problem problem = jsonMapper.readValue(body, Problem.class);
            return problem.status() == status.value() ? problem
                    : new Problem(problem.type(), problem.title(), status.value(), problem.detail(), problem.errors());
        }
        catch (RuntimeException ex) {
            // not a problem document (e.g. a proxy's HTML page): keep the status, no details
            return new Problem(null, "HTTP " + status.value(), status.value(), null, null);
        }
    }
}
