package dev.taskapp.backend.task;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface TaskRepository extends ListCrudRepository<Task, Long> {

    /** A task is only ever found through its owner: another user's task does not exist for you. */
    Optional<Task> findByIdAndOwnerId(long id, long ownerId);
}
