package dev.taskapp.backend.user;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Someone who can log in and own tasks. The password is only ever stored as a hash. */
@Table("users")
public record User(@Id Long id, String username, String passwordHash, Instant createdAt) {

    public static User create(String username, String passwordHash, Instant now) {
        return new User(null, username, passwordHash, now);
    }
}
