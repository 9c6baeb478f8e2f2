package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/** `docker compose up -d --wait` brings all three tiers up healthy, and both health contracts hold. */
@Order(1)
@ExtendWith(ComposeStackExtension.class)
class StackHealthE2E {

    @Test
    void everyServiceIsRunningAndHealthy(ComposeStack stack) {
        for (String service : ComposeStack.SERVICES) {
            JsonNode state = stack.inspect(service).get("State");
            assertThat(state.get("Status").asString()).as(service + " status").isEqualTo("running");
            assertThat(state.at("/Health/Status").asString()).as(service + " health").isEqualTo("healthy");
        }
    }

    @Test
    void backendHealthFollowsTheContract(ComposeStack stack) {
        HttpResponse<String> response = new TaskAppApi(stack.url("backend", 5000)).get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TaskAppApi.json(response);
        assertThat(body.get("status").asString()).isEqualTo("healthy");
        assertThat(body.get("service").asString()).isEqualTo("task-management-backend");
        assertThat(body.get("message").asString()).isEqualTo("Service is running");
    }

    @Test
    void frontendHealthFollowsTheContract(ComposeStack stack) {
        HttpResponse<String> response = new TaskAppApi(stack.url("frontend", 3000)).get("/api/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TaskAppApi.json(response);
        assertThat(body.get("status").asString()).isEqualTo("healthy");
        assertThat(body.get("service").asString()).isEqualTo("task-management-frontend");
        assertThat(body.get("message").asString()).isEqualTo("Service is running normally");
        assertThat(body.has("timestamp")).as("timestamp").isTrue();
        assertThat(body.has("uptime")).as("uptime").isTrue();
    }
}
