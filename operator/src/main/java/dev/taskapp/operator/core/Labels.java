package dev.taskapp.operator.core;

import dev.taskapp.operator.api.TaskApp;
import java.util.Map;
import java.util.TreeMap;

/** The app.kubernetes.io/* labels on everything the operator creates, and the selectors built from them. */
public final class Labels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String VERSION = "app.kubernetes.io/version";

  public static final String APP_NAME = "taskapp";
  public static final String OPERATOR = "taskapp-operator";

  /** Selects every object this operator manages (its informers watch only these). */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  /** Per tier, so each dependent's informer caches only its own objects (one object per TaskApp). */
  public static final String DATABASE_SELECTOR = MANAGED_SELECTOR + "," + COMPONENT + "=db";
  public static final String BACKEND_SELECTOR = MANAGED_SELECTOR + "," + COMPONENT + "=backend";
  public static final String FRONTEND_SELECTOR = MANAGED_SELECTOR + "," + COMPONENT + "=frontend";

  private Labels() {}

  /** Labels that never change for a tier: used in selectors (immutable in Deployments and StatefulSets). */
  public static Map<String, String> selector(TaskApp app, Tier tier) {
    return new TreeMap<>(Map.of(NAME, APP_NAME, INSTANCE, app.getMetadata().getName(), COMPONENT, tier.component()));
  }

  /** Labels on a tier's objects and pods. */
  public static Map<String, String> of(TaskApp app, Tier tier) {
    var labels = selector(app, tier);
    labels.put(PART_OF, APP_NAME);
    labels.put(MANAGED_BY, OPERATOR);
    return labels;
  }

  /** Labels on objects that belong to the whole TaskApp (the Secret). */
  public static Map<String, String> of(TaskApp app) {
    return new TreeMap<>(Map.of(NAME, APP_NAME, INSTANCE, app.getMetadata().getName(), PART_OF, APP_NAME, MANAGED_BY, OPERATOR));
  }
}
