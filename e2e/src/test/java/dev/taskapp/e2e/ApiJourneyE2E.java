package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An API client registers, logs in and keeps tasks, through the published backend port. */
@Order(3)
@ExtendWith(ComposeStackExtension.class)
class ApiJourneyE2E {

    @Test
    void registerLogInAndKeepTasks(ComposeStack stack) {
        TaskAppApi api = new TaskAppApi(stack.url("backend", 5000));
        String alice = "alice_" + ComposeStack.randomHex(3);

        HttpResponse<String> registered = api.register(alice, "correct-horse-battery");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(TaskAppApi.json(registered).get("username").asString()).isEqualTo(alice);
        HttpResponse<String> again = api.register(alice, "correct-horse-battery");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        String token = api.token(alice, "correct-horse-battery");
        assertThat(TaskAppApi.json(api.get("/api/auth/me", token)).get("username").asString()).isEqualTo(alice);
        HttpResponse<String> created = api.createTask(token, "Water the plants");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).contains("/api/tasks/"));
        api.createTask(token, "Pay the rent");

        assertThat(api.taskTitles(token)).containsExactlyInAnyOrder("Water the plants", "Pay the rent");
    }

    @Test
    void wrongPasswordAndMissingTokenAreRefused(ComposeStack stack) {
        TaskAppApi api = new TaskAppApi(stack.url("backend", 5000));
        String bob = "bob_" + ComposeStack.randomHex(3);
        api.register(bob, "correct-horse-battery");

        assertThat(api.login(bob, "wrong-password-123").statusCode()).isEqualTo(401);
        assertThat(api.get("/api/tasks").statusCode()).isEqualTo(401);
    }

    @Test
    void oneUsersTaskIsInvisibleToAnother(ComposeStack stack) {
        TaskAppApi api = new TaskAppApi(stack.url("backend", 5000));
        String carol = "carol_" + ComposeStack.randomHex(3);
        String dave = "dave_" + ComposeStack.randomHex(3);
        api.register(carol, "correct-horse-battery");
        api.register(dave, "correct-horse-battery");
        String carolsToken = api.token(carol, "correct-horse-battery");
        String location = api.createTask(carolsToken, "Carol's secret").headers().firstValue("Location").orElseThrow();

        String davesToken = api.token(dave, "correct-horse-battery");
        assertThat(api.get(location, davesToken).statusCode()).isEqualTo(404);
        assertThat(api.taskTitles(davesToken)).isEmpty();
    }
}
