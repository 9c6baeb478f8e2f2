package dev.taskapp.operator.status;

/**
 * Why one pod of a tier does not run or is not ready, in the words of the scheduler or the kubelet.
 *
 * @param pod the pod's name
 * @param reason one of the pod-failure reasons of {@link ConditionTypes}, stable across a crash loop's cycle
 * @param message what happened, quoting the kubelet's reason and message
 */
public record PodFailure(String pod, String reason, String message) {

  /** "pod tasks-backend-7d9f-x2: container backend cannot pull its image (ImagePullBackOff: …)". */
  public String describe() {
    return "pod " + pod + ": " + message;
  }
}
