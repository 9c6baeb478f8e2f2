package dev.taskapp.backend.system;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors raised by the servlet container (outside Spring MVC) still become problem details. */
class ProblemErrorControllerTest {

    @Test
    void containerErrorBecomesAProblemWithItsStatusAndPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/tasks");

        ResponseEntity<ProblemDetail> response = new ProblemErrorController().error(request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getStatus()).isEqualTo(400);
        assertThat(response.getBody().getType()).hasToString("about:blank");
        assertThat(response.getBody().getInstance()).hasToString("/api/tasks");
        assertThat(response.getBody().getDetail()).isNull();
    }

    @Test
    void unknownStatusBecomes500() {
        ResponseEntity<ProblemDetail> response = new ProblemErrorController().error(
                new MockHttpServletRequest("GET", "/error"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
    }
}
