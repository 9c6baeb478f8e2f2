package dev.taskapp.backend.auth;

import dev.taskapp.backend.user.User;

/** A user as the API shows it: never the password hash. */
record Account(Long id, String username) {

    static Account of(User user) {
        return new Account(user.id(), user.username());
    }
}
