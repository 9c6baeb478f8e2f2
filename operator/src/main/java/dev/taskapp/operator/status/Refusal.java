package dev.taskapp.operator.status;

import dev.taskapp.operator.core.Tier;

/**
 * A child object the cluster would not take: the API server's validation, an admission webhook, a
 * quota or a missing permission refused the operator's write.
 *
 * @param tier the tier the object belongs to
 * @param kind and @param name the object, as kubectl names it
 * @param reason the API server's words, quoted
 */
public record Refusal(Tier tier, String kind, String name, String reason) {

  /** "Deployment tasks-backend was refused: <the API server's message>". */
  public String describe() {
    return kind + " " + name + " was refused: " + reason;
  }
}
