package dev.taskapp.operator.render;

/** Input that is not a TaskApp the operator accepts; the message is the one line the user sees. */
public final class InvalidTaskAppException extends Exception {

  public InvalidTaskAppException(String message) {
    super(message, null, false, false);
  }
}
