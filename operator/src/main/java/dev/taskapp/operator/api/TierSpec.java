package dev.taskapp.operator.api;

import java.util.Map;

/** What backend and frontend have in common: replicas, resources, extra environment. */
public interface TierSpec {
  Integer getReplicas();

  ResourcesSpec getResources();

  Map<String, String> getEnv();
}
