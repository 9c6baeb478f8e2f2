package dev.taskapp.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** The workloads of one TaskApp as last seen; null where not created yet. */
public record Observed(StatefulSet database, Deployment backend, Deployment frontend) {}
