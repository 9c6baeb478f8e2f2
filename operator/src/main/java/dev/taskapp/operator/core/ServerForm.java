package dev.taskapp.operator.core;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import java.util.Objects;

/**
 * The API server stores quantities in canonical form ("1000m" becomes "1", "1024Mi" becomes
 * "1Gi"). Where the desired value is the same amount written differently, the desired object takes
 * the server's spelling, so the comparison sees no change and nothing is updated in a loop.
 */
public final class ServerForm {

  private ServerForm() {}

  public static void adoptEquivalentQuantities(HasMetadata actual, HasMetadata desired) {
    if (actual instanceof Deployment a && desired instanceof Deployment d) {
      adopt(a.getSpec().getTemplate(), d.getSpec().getTemplate());
    } else if (actual instanceof StatefulSet a && desired instanceof StatefulSet d) {
      adopt(a.getSpec().getTemplate(), d.getSpec().getTemplate());
    }
  }

  private static void adopt(PodTemplateSpec actual, PodTemplateSpec desired) {
    if (actual == null || actual.getSpec() == null || desired == null || desired.getSpec() == null) {
      return;
    }
    for (var wanted : desired.getSpec().getContainers()) {
      actual.getSpec().getContainers().stream()
          .filter(c -> c.getName().equals(wanted.getName()) && c.getResources() != null && wanted.getResources() != null)
          .findFirst()
          .ifPresent(existing -> {
            if (sameAmounts(existing.getResources().getRequests(), wanted.getResources().getRequests())) {
              wanted.getResources().setRequests(existing.getResources().getRequests());
            }
            if (sameAmounts(existing.getResources().getLimits(), wanted.getResources().getLimits())) {
              wanted.getResources().setLimits(existing.getResources().getLimits());
            }
          });
    }
  }

  /** Quantity.equals compares amounts, not spellings. */
  private static boolean sameAmounts(Map<String, Quantity> actual, Map<String, Quantity> desired) {
    return Objects.equals(actual, desired);
  }
}
