package dev.taskapp.operator.api;

import java.util.Map;

/** What backend and frontend have in common: replicas, resources, extra environment. */
public interface TierSpec {

  /**
   * Kubernetes' long-standing rule for environment variable names (C_IDENTIFIER plus '-' and '.').
   * Kubernetes 1.34 (RelaxedEnvironmentVariableValidation, beta from 1.32) accepts any printable ASCII
   * but '='; the clusters this project supports (1.29 on, tested on 1.31) still apply this rule.
   */
  String ENV_NAME = "^[-._a-zA-Z][-._a-zA-Z0-9]*$";

  /** On the env map: a rule on its values could not see the names. */
  String ENV_NAMES_RULE = "self.all(name, name.matches('" + ENV_NAME + "'))";

  String ENV_NAMES_MESSAGE = "has a name that is not a valid environment variable name: Kubernetes requires " + ENV_NAME
      + " (letters, digits, '_', '-' and '.', not starting with a digit); rename it, e.g. to LOG_LEVEL";

  Integer getReplicas();

  ResourcesSpec getResources();

  Map<String, String> getEnv();
}
