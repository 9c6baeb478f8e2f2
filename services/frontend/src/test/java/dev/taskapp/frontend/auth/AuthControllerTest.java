package dev.taskapp.frontend.auth;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.taskapp.frontend.FrontendWebTest;
import dev.taskapp.frontend.TestTasks;
import dev.taskapp.frontend.backend.BackendClient;
import dev.taskapp.frontend.backend.BackendProblemException;
import dev.taskapp.frontend.backend.Problem;
import dev.taskapp.frontend.backend.SignIn;

@FrontendWebTest
class AuthControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BackendClient backend;

    @Test
    void signingInKeepsTheTokenInAnHttpOnlyLaxCookieAndGoesBackToTheNextPage() throws Exception {
        given(backend.login("alice", "s3cret-pass")).willReturn(new SignIn("jwt-1", "Bearer", 3600));

        mvc.perform(post("/signin").with(csrf()).param("username", "alice").param("password", "s3cret-pass")
                        .param("next", "/tasks?status=done"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tasks?status=done"))
                .andExpect(header().stringValues("Set-Cookie", hasItem(allOf(containsString("taskapp_token=jwt-1"),
                        containsString("HttpOnly"), containsString("SameSite=Lax"), containsString("Max-Age=3600"),
                        containsString("Path=/"), not(containsString("Secure"))))));
    }

    @Test
    void overHttpsTheCookieIsSecure() throws Exception {
        given(backend.login("alice", "s3cret-pass")).willReturn(new SignIn("jwt-1", "Bearer", 3600));

        mvc.perform(post("/signin").secure(true).with(csrf()).param("username", "alice").param("password", "s3cret-pass"))
                .andExpect(header().stringValues("Set-Cookie", hasItem(allOf(containsString("taskapp_token=jwt-1"),
                        containsString("Secure"), containsString("HttpOnly")))));
    }

    @Test
    void nextCannotLeadToAnotherSite() throws Exception {
        given(backend.login("alice", "s3cret-pass")).willReturn(new SignIn("jwt-1", "Bearer", 3600));

        for (String next : List.of("//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)")) {
            mvc.perform(post("/signin").with(csrf()).param("username", "alice").param("password", "s3cret-pass")
                            .param("next", next))
                    .andExpect(redirectedUrl("/tasks"));
        }
    }

    @Test
    void wrongPasswordSaysSoAndDoesNotEchoThePassword() throws Exception {
        given(backend.login("alice", "wrong-one")).willThrow(
                new BackendProblemException(new Problem(null, "Unauthorized", 401, "Bad credentials", null)));

        mvc.perform(post("/signin").with(csrf()).param("username", "alice").param("password", "wrong-one"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(allOf(containsString("Wrong user name or password."),
                        containsString("value=\"alice\""), not(containsString("wrong-one")))));
    }

    @Test
    void tooManyFailedSignInsAreA429WithTheBackendsReason() throws Exception {
        given(backend.login("alice", "s3cret-pass")).willThrow(new BackendProblemException(new Problem(null,
                "Too many login attempts", 429, "Too many failed logins for this user or from this address", null), "42"));

        mvc.perform(post("/signin").with(csrf()).param("username", "alice").param("password", "s3cret-pass"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "42"))
                .andExpect(content().string(containsString("Too many failed logins for this user or from this address")));
    }

    @Test
    void expiredSessionIsExplainedOnTheSignInPage() throws Exception {
        mvc.perform(get("/signin").param("expired", "").param("next", "/tasks?page=2"))
                .andExpect(content().string(allOf(containsString("Your session has expired"),
                        containsString("name=\"next\" value=\"/tasks?page=2\""))));
    }

    @Test
    void signUpShowsTakenNamesAndBackendRulesNextToTheFields() throws Exception {
        willThrow(new BackendProblemException(new Problem(null, "Bad Request", 400, "Validation failed",
                List.of(new Problem.FieldProblem("password", "must be at least 8 characters")))))
                .given(backend).register("alice", "pw");
        willThrow(new BackendProblemException(new Problem(null, "Conflict", 409, "Username already exists", null)))
                .given(backend).register("bob", "long-enough");

        mvc.perform(post("/signup").with(csrf()).param("username", "alice").param("password", "pw"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "<p id=\"password-error\" class=\"field-error\">must be at least 8 characters</p>")));
        mvc.perform(post("/signup").with(csrf()).param("username", "bob").param("password", "long-enough"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("This user name is already taken."),
                        not(containsString("long-enough")))));
    }

    @Test
    void signUpSignsInAtOnce() throws Exception {
        given(backend.login("carol", "long-enough")).willReturn(new SignIn("jwt-2", "Bearer", 600));

        mvc.perform(post("/signup").with(csrf()).param("username", "carol").param("password", "long-enough"))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(header().stringValues("Set-Cookie", hasItem(containsString("taskapp_token=jwt-2"))));
        then(backend).should().register("carol", "long-enough");
    }

    @Test
    void signingOutClearsTheCookies() throws Exception {
        mvc.perform(post("/signout").with(csrf()).cookie(TestTasks.signedIn()))
                .andExpect(redirectedUrl("/signin?signedout"))
                .andExpect(header().stringValues("Set-Cookie", hasItem(allOf(containsString("taskapp_token=;"),
                        containsString("Max-Age=0")))));
    }

    // The CSRF cookie's attributes and the absence of a session are checked against the real server in
    // FrontendBrowserIT: MockMvc's Spring Security support swaps the token repository for a session-based double.
    @Test
    void formsCarryACsrfToken() throws Exception {
        mvc.perform(get("/signin")).andExpect(content().string(containsString("name=\"_csrf\"")));
    }
}
