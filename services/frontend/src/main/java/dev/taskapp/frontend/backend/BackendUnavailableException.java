package dev.taskapp.frontend.backend;

/** The backend could not be reached, timed out or answered 5xx: pages answer 503 and retry. */
public class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
