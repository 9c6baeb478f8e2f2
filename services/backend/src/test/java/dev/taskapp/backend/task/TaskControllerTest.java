package dev.taskapp.backend.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.taskapp.backend.TestTokens;
import dev.taskapp.backend.auth.JwtConfig;
import dev.taskapp.backend.auth.TokenVersions;
import dev.taskapp.backend.system.ProblemResponses;
import dev.taskapp.backend.system.SecurityConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** HTTP mapping of the task API: JSON shape, headers, and a problem for each kind of bad request. */
@WebMvcTest(TaskController.class)
@Import({SecurityConfig.class, JwtConfig.class, ProblemResponses.class})
class TaskControllerTest {

    /** Mocked: version 0 for every user, as the tokens of TestTokens carry (no "tv" claim). */
    @MockitoBean
    TokenVersions tokenVersions;

    private static final long ALICE = 7;
    private static final Instant CREATED = Instant.parse("2026-11-26T10:00:00.123456Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService service;
    @MockitoBean
    TaskSearch search;

    @Test
    void showsATaskInSnakeCaseWithItsVersionAsETag() throws Exception {
        given(service.get(ALICE, 1)).willReturn(task(1, 3));

        mvc.perform(asAlice(get("/api/tasks/1")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.id").value(1))
                .andExpect(jsonPath("$.title").value("Write report"))
                .andExpect(jsonPath("$.status").value("in_progress"))
                .andExpect(jsonPath("$.priority").value("high"))
                .andExpect(jsonPath("$.due_date").value("2026-12-01"))
                .andExpect(jsonPath("$.created_at").value("2026-11-26T10:00:00.123456Z"))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.owner_id").doesNotExist());
    }

    @Test
    void createAnswers201WithLocation() throws Exception {
        given(service.create(eq(ALICE), any())).willReturn(task(42, 0));

        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Write report\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/tasks/42"))
                .andExpect(jsonPath("$.id").value(42));
    }

    @Test
    void createIgnoresReadOnlyFieldsOfATask() throws Exception {
        given(service.create(eq(ALICE), any())).willReturn(task(42, 0));

        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"id\":999,\"created_at\":\"1999-01-01T00:00:00Z\",\"version\":5}"))
                .andExpect(status().isCreated());
        ArgumentCaptor<NewTask> request = ArgumentCaptor.forClass(NewTask.class);
        verify(service).create(eq(ALICE), request.capture());
        assertThat(request.getValue()).isEqualTo(new NewTask("t", "", TaskStatus.TODO, TaskPriority.MEDIUM, null));
    }

    @Test
    void createRejectsAnOwnerInTheBodyNamingTheField() throws Exception {
        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"owner_id\":8}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.detail").value("Unknown field 'owner_id'"))
                .andExpect(jsonPath("$.errors[0].field").value("owner_id"));
        verifyNoInteractions(service);
    }

    @Test
    void createNamesEachInvalidField() throws Exception {
        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"description\":\"" + "x".repeat(10_001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")));
        verifyNoInteractions(service);
    }

    @Test
    void createRejectsAnUnknownStatusValue() throws Exception {
        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"status\":\"finished\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of todo, in_progress, done"));
    }

    @Test
    void createRejectsAnInvalidDate() throws Exception {
        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"due_date\":\"tomorrow\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("due_date"))
                .andExpect(content().string(not(containsString("java."))));
    }

    @Test
    void malformedJsonIsAProblemWithoutParserInternals() throws Exception {
        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Malformed JSON in request body"))
                .andExpect(content().string(not(containsString("tools.jackson"))));
    }

    @Test
    void nonJsonBodyIs415() throws Exception {
        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.TEXT_PLAIN).content("title"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void unsupportedMethodIs405() throws Exception {
        mvc.perform(asAlice(post("/api/tasks/1")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.instance").value("/api/tasks/1"))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void unknownRouteIs404() throws Exception {
        mvc.perform(asAlice(get("/api/nothing-here")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void bodyOverOneMegabyteIs413ByContentLength() throws Exception {
        byte[] big = ("{\"title\":\"t\",\"description\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes();
        mvc.perform(asAlice(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
        verifyNoInteractions(service);
    }

    @Test
    void pageSizeAndNumberAreBounded() throws Exception {
        mvc.perform(asAlice(get("/api/tasks?size=101&page=-1")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 0"))
                .andExpect(jsonPath("$.errors[1].field").value("size"))
                .andExpect(jsonPath("$.errors[1].message").value("must be less than or equal to 100"));
        mvc.perform(asAlice(get("/api/tasks?size=0"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(asAlice(get("/api/tasks?page=abc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("must be an integer"));
        mvc.perform(asAlice(get("/api/tasks?q=" + "x".repeat(201)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        verifyNoInteractions(search);
    }

    @Test
    void unknownSortOrFilterValueIs400() throws Exception {
        mvc.perform(asAlice(get("/api/tasks?sort=title,asc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(asAlice(get("/api/tasks?status=finished")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of todo, in_progress, done"));
        verifyNoInteractions(search);
    }

    /** Every wrong parameter is named in one answer, whether it does not parse or is out of bounds. */
    @Test
    void everyWrongQueryParameterIsReportedAtOnce() throws Exception {
        mvc.perform(asAlice(get("/api/tasks?page=x&size=500&priority=urgent&sort=title")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("page", "size", "priority", "sort")))
                .andExpect(jsonPath("$.detail").value(startsWith("page: must be an integer; size: must be less than or "
                        + "equal to 100; priority: must be one of low, medium, high; sort: must be created, due or priority")));
        verifyNoInteractions(search);
    }

    /** An HTML form's empty field is no filter; a padded number is still that number. */
    @Test
    void blankParametersAreAbsentOnes() throws Exception {
        given(search.find(eq(ALICE), any())).willReturn(TaskPage.of(List.of(), 0, 20, 0));
        mvc.perform(asAlice(get("/api/tasks").param("page", "").param("size", " 10").param("status", "")
                        .param("priority", "").param("q", " ").param("sort", "")))
                .andExpect(status().isOk());
        verify(search).find(ALICE, new TaskQuery(0, 10, null, null, null, "created,desc"));
    }

    @Test
    void listPassesFiltersAndDefaults() throws Exception {
        given(search.find(eq(ALICE), any())).willReturn(TaskPage.of(List.of(TaskView.of(task(1, 0))), 0, 20, 1));

        mvc.perform(asAlice(get("/api/tasks?status=in_progress&priority=high&q=report")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.total_items").value(1))
                .andExpect(jsonPath("$.total_pages").value(1));
        verify(search).find(ALICE, new TaskQuery(0, 20, TaskStatus.IN_PROGRESS, TaskPriority.HIGH, "report",
                "created,desc"));
    }

    @Test
    void putRequiresTheVersionItWasBasedOn() throws Exception {
        mvc.perform(asAlice(put("/api/tasks/1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"description\":\"\",\"status\":\"todo\",\"priority\":\"low\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        verifyNoInteractions(service);
    }

    @Test
    void putPassesIfMatchThrough() throws Exception {
        given(service.replace(eq(ALICE), eq(1L), any(), eq("\"3\""))).willReturn(task(1, 4));

        mvc.perform(asAlice(put("/api/tasks/1")).header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"description\":\"\",\"status\":\"todo\",\"priority\":\"low\","
                                + "\"due_date\":null,\"version\":3}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""));
    }

    @Test
    void patchRejectsABlankTitleAndNullStatus() throws Exception {
        mvc.perform(asAlice(patch("/api/tasks/1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"status\":null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("status")));
        verifyNoInteractions(service);
    }

    /**
     * The firewall (SecurityConfig.httpFirewall) checks each header as it is read: a control
     * character in the bearer token is refused before the token is looked at; a tab is not one.
     */
    @Test
    void aHeaderWithAControlCharacterIsRefused() throws Exception {
        String token = TestTokens.valid(ALICE);
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + token + "\u0007"))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(search);
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + token + "\t"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() throws Exception {
        given(service.get(ALICE, 1)).willThrow(new IllegalStateException("SELECT * FROM tasks blew up"));

        mvc.perform(asAlice(get("/api/tasks/1")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred"))
                .andExpect(content().string(not(containsString("SELECT"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void databaseOutageIs503() throws Exception {
        given(service.get(ALICE, 1)).willThrow(
                new org.springframework.jdbc.CannotGetJdbcConnectionException("Connection refused to 10.0.0.5"));

        mvc.perform(asAlice(get("/api/tasks/1")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("10.0.0.5"))));
    }

    @ParameterizedTest
    @MethodSource("outagesAtTransactionBoundaries")
    void databaseLostAtTransactionBeginOrRollbackIs503(RuntimeException outage) throws Exception {
        given(service.get(ALICE, 1)).willThrow(outage);

        mvc.perform(asAlice(get("/api/tasks/1")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("10.0.0.5"))));
    }

    static java.util.stream.Stream<RuntimeException> outagesAtTransactionBoundaries() {
        return java.util.stream.Stream.of(
                new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection to 10.0.0.5"),
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed on 10.0.0.5"));
    }

    @Test
    void deleteAnswers204() throws Exception {
        mvc.perform(asAlice(delete("/api/tasks/1"))).andExpect(status().isNoContent());
        verify(service).delete(ALICE, 1, null, null);
    }

    @Test
    void everyTaskRouteNeedsAToken() throws Exception {
        mvc.perform(get("/api/tasks"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/tasks/1").header("Authorization", "Bearer " + TestTokens.expired(ALICE)))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(service, search);
        verify(service, org.mockito.Mockito.never()).get(anyLong(), anyLong());
    }

    private static MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + TestTokens.valid(ALICE));
    }

    private static Task task(long id, int version) {
        return new Task(id, ALICE, "Write report", "", TaskStatus.IN_PROGRESS, TaskPriority.HIGH,
                LocalDate.parse("2026-12-01"), CREATED, CREATED, version);
    }
}
