package dev.taskapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Data lives in the postgres_data volume: restarts and down/up keep it, `down -v` deletes it. */
@Order(5)
@ExtendWith(ComposeStackExtension.class)
class DataPersistenceE2E {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void restartsAndDownUpKeepTheDataAndDownWithVolumesClearsIt(ComposeStack stack) {
        String frank = "frank_" + ComposeStack.randomHex(3);
        TaskAppApi api = backend(stack);
        assertThat(api.register(frank, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(api.createTask(api.token(frank, PASSWORD), "Renew passport").statusCode()).isEqualTo(201);

        stack.compose("restart", "backend").orThrow();
        stack.up();
        assertThat(tasksOf(frank, backend(stack))).containsExactly("Renew passport");

        stack.down();
        stack.up();
        assertThat(tasksOf(frank, backend(stack))).as("after down and up").containsExactly("Renew passport");

        stack.downRemovingVolumes();
        stack.up();
        assertThat(backend(stack).login(frank, PASSWORD).statusCode()).as("login after down -v").isEqualTo(401);
    }

    /** Looked up again each time: a recreated container gets a new ephemeral host port. */
    private static TaskAppApi backend(ComposeStack stack) {
        return new TaskAppApi(stack.url("backend", 5000));
    }

    private static java.util.List<String> tasksOf(String username, TaskAppApi api) {
        return api.taskTitles(api.token(username, PASSWORD));
    }
}
