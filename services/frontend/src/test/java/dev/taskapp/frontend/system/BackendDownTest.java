package dev.taskapp.frontend.system;

import static dev.taskapp.frontend.TestTasks.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.taskapp.frontend.FrontendWebTest;
import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendHealthProbe;
import dev.taskapp.frontend.backend.BackendUnavailableException;

@FrontendWebTest
class BackendDownTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BackendClient backend;

    @Autowired
    BackendHealthProbe probe;

    @Test
    void pagesAnswer503AndRetryByThemselvesNeverAStackTrace() throws Exception {
        given(backend.listTasks(any(), any())).willThrow(
                new BackendUnavailableException("backend unreachable", new ConnectException("Connection refused")));

        mvc.perform(get("/tasks?status=todo").cookie(signedIn()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().string(allOf(containsString("Service unavailable, retrying"),
                        containsString("http-equiv=\"refresh\" content=\"5; url=/tasks?status=todo\""),
                        not(containsString("Exception")), not(containsString("Connection refused")))));
    }

    @Test
    void htmxRequestsReloadTheWholePageToShowIt() throws Exception {
        given(backend.listTasks(any(), any())).willThrow(new BackendUnavailableException("backend answered 502", null));

        mvc.perform(get("/tasks").cookie(signedIn()).header("HX-Request", "true").header("HX-Target", "task-list"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void healthFollowsTheBackend() throws Exception {
        given(probe.backendProblem()).willReturn(null);
        mvc.perform(get("/api/health"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("\"status\":\"healthy\""),
                        containsString("\"service\":\"task-management-frontend\""), containsString("\"timestamp\":\""),
                        containsString("\"uptime\":"), containsString("\"message\":\"Service is running normally\""))));

        given(probe.backendProblem()).willReturn("Backend unreachable");
        mvc.perform(get("/api/health"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(allOf(containsString("\"status\":\"unhealthy\""),
                        containsString("\"message\":\"Backend unreachable\""))));
    }
}
