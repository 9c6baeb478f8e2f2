package dev.taskapp.backend.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.taskapp.backend.TestDatabase;
import dev.taskapp.backend.user.User;
import dev.taskapp.backend.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Storage and listing of tasks on a real PostgreSQL with the Flyway schema. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({TestDatabase.class, TaskSearch.class})
class TaskRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired
    TaskRepository tasks;
    @Autowired
    TaskSearch search;
    @Autowired
    UserRepository users;

    long alice;
    long bob;

    @BeforeEach
    void twoUsers() {
        alice = users.save(User.create("alice-" + System.nanoTime(), "{noop}x", T0)).id();
        bob = users.save(User.create("bob-" + System.nanoTime(), "{noop}x", T0)).id();
    }

    @Test
    void newTaskStartsAtVersionZeroAndEachUpdateIncrementsIt() {
        Task saved = tasks.save(task(alice, "Write report", TaskStatus.TODO, TaskPriority.MEDIUM, null, 0));
        assertThat(saved.id()).isNotNull();
        assertThat(saved.version()).isZero();

        Task updated = tasks.save(saved.edited("Write the report", "", TaskStatus.DONE, TaskPriority.LOW, null,
                T0.plusSeconds(60)));
        assertThat(updated.version()).isEqualTo(1);
        assertThat(tasks.findById(saved.id())).get().isEqualTo(updated);
    }

    @Test
    void staleUpdateIsRefusedAndChangesNothing() {
        Task original = tasks.save(task(alice, "Original", TaskStatus.TODO, TaskPriority.MEDIUM, null, 0));
        Task first = tasks.save(original.edited("First", "", TaskStatus.TODO, TaskPriority.MEDIUM, null, T0));

        Task basedOnOriginal = original.edited("Second", "", TaskStatus.DONE, TaskPriority.HIGH, null, T0);
        assertThatThrownBy(() -> tasks.save(basedOnOriginal)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tasks.findById(original.id())).get().isEqualTo(first);
    }

    @Test
    void taskIsOnlyFoundThroughItsOwner() {
        Task saved = tasks.save(task(alice, "Private", TaskStatus.TODO, TaskPriority.MEDIUM, null, 0));
        assertThat(tasks.findByIdAndOwnerId(saved.id(), alice)).isPresent();
        assertThat(tasks.findByIdAndOwnerId(saved.id(), bob)).isEmpty();
    }

    @Test
    void listsOnlyTheOwnersTasksNewestFirstWithPageNumbers() {
        for (int i = 0; i < 25; i++) {
            tasks.save(task(alice, "Task " + i, TaskStatus.TODO, TaskPriority.MEDIUM, null, i));
        }
        tasks.save(task(bob, "Bob's", TaskStatus.TODO, TaskPriority.MEDIUM, null, 100));

        TaskPage first = search.find(alice, query(0, 10, null, null, null, null));
        assertThat(first.totalItems()).isEqualTo(25);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(titles(first)).first().isEqualTo("Task 24");
        assertThat(titles(first)).hasSize(10).doesNotContain("Bob's");

        TaskPage last = search.find(alice, query(2, 10, null, null, null, null));
        assertThat(titles(last)).containsExactly("Task 4", "Task 3", "Task 2", "Task 1", "Task 0");

        TaskPage beyond = search.find(alice, query(5, 10, null, null, null, null));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(25);
    }

    @Test
    void filtersByStatusAndPriorityAndSearchesTitlesIgnoringCase() {
        tasks.save(task(alice, "Quarterly REPORT", TaskStatus.TODO, TaskPriority.HIGH, null, 1));
        tasks.save(task(alice, "report draft", TaskStatus.DONE, TaskPriority.HIGH, null, 2));
        tasks.save(task(alice, "Groceries", TaskStatus.TODO, TaskPriority.HIGH, null, 3));
        tasks.save(task(alice, "100% done_ish", TaskStatus.TODO, TaskPriority.LOW, null, 4));

        assertThat(titles(search.find(alice, query(0, 20, TaskStatus.TODO, TaskPriority.HIGH, null, null))))
                .containsExactly("Groceries", "Quarterly REPORT");
        assertThat(titles(search.find(alice, query(0, 20, null, null, "report", null))))
                .containsExactly("report draft", "Quarterly REPORT");
        // LIKE wildcards in the search text are literal
        assertThat(titles(search.find(alice, query(0, 20, null, null, "0%", null)))).containsExactly("100% done_ish");
        assertThat(titles(search.find(alice, query(0, 20, null, null, "e_i", null)))).containsExactly("100% done_ish");
        assertThat(titles(search.find(alice, query(0, 20, null, null, "%", null)))).containsExactly("100% done_ish");
    }

    @Test
    void sortsByPriorityRankAndByDueDateWithUndatedLast() {
        tasks.save(task(alice, "low", TaskStatus.TODO, TaskPriority.LOW, LocalDate.parse("2026-12-03"), 1));
        tasks.save(task(alice, "high", TaskStatus.TODO, TaskPriority.HIGH, null, 2));
        tasks.save(task(alice, "medium", TaskStatus.TODO, TaskPriority.MEDIUM, LocalDate.parse("2026-12-01"), 3));

        assertThat(titles(search.find(alice, query(0, 20, null, null, null, "priority,desc"))))
                .containsExactly("high", "medium", "low");
        assertThat(titles(search.find(alice, query(0, 20, null, null, null, "priority,asc"))))
                .containsExactly("low", "medium", "high");
        assertThat(titles(search.find(alice, query(0, 20, null, null, null, "due,asc"))))
                .containsExactly("medium", "low", "high");
        assertThat(titles(search.find(alice, query(0, 20, null, null, null, "due,desc"))))
                .containsExactly("low", "medium", "high");
        assertThat(titles(search.find(alice, query(0, 20, null, null, null, "created,asc"))))
                .containsExactly("low", "high", "medium");
    }

    @Test
    void listedTasksCarryEveryField() {
        Task saved = tasks.save(task(alice, "Full", TaskStatus.IN_PROGRESS, TaskPriority.HIGH,
                LocalDate.parse("2026-12-24"), 7));
        TaskView listed = search.find(alice, query(0, 20, null, null, null, null)).items().getFirst();
        assertThat(listed).isEqualTo(TaskView.of(saved));
    }

    /** A null sort stands for the API's default, as the controller supplies it. */
    private static TaskQuery query(int page, int size, TaskStatus status, TaskPriority priority, String q,
            String sort) {
        return new TaskQuery(page, size, status, priority, q, sort == null ? "created,desc" : sort);
    }

    private static List<String> titles(TaskPage page) {
        return page.items().stream().map(TaskView::title).toList();
    }

    private static Task task(long owner, String title, TaskStatus status, TaskPriority priority, LocalDate due,
            int minutesAfterT0) {
        Instant created = T0.plus(minutesAfterT0, ChronoUnit.MINUTES);
        return new Task(null, owner, title, "about " + title, status, priority, due, created, created, null);
    }
}
