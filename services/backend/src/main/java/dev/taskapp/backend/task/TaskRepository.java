package dev.taskapp.backend.task;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface TaskRepository extends ListCrudRepository<Task, Long> {

    /**
     * A task is only ever found through its owner: another user's task does not exist for you.
     * Written out because a derived query is built anew on every call; read with the one row mapping.
     */
    @Query(value = "SELECT * FROM tasks WHERE id = :id AND owner_id = :ownerId", rowMapperClass = TaskRows.class)
    Optional<Task> findByIdAndOwnerId(long id, long ownerId);
}
