package dev.taskapp.operator.core;

import dev.taskapp.operator.api.TaskApp;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Builds one object the operator wants to exist for a TaskApp, without talking to a cluster. */
public interface DesiredObject<R extends HasMetadata> {
  R desired(TaskApp app);
}
