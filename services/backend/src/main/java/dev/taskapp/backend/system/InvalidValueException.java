package dev.taskapp.backend.system;

/**
 * A value the client sent that the API does not accept; the message says what would be accepted
 * ("must be one of ..."). Its own type so that the problem handler shows this message to the client
 * and no other exception's, which may speak of internals.
 */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String reason) {
        super(reason);
    }
}
