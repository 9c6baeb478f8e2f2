package dev.taskapp.operator.api;

/** What happens to the database volume when the TaskApp is deleted. */
public enum DeletionPolicy {
  /** Keep the PersistentVolumeClaim (and so the data): the safe default. */
  Retain,
  /** Delete the PersistentVolumeClaim with the TaskApp. */
  Delete
}
