package dev.taskapp.operator.core;

import dev.taskapp.operator.api.TaskApp;

/** The names of every object the operator creates for a TaskApp, in one place. */
public final class ResourceNames {

  private ResourceNames() {}

  public static String secret(TaskApp app) { return app.getMetadata().getName() + "-credentials"; }
  public static String database(TaskApp app) { return app.getMetadata().getName() + "-db"; }
  public static String backend(TaskApp app) { return app.getMetadata().getName() + "-backend"; }
  public static String frontend(TaskApp app) { return app.getMetadata().getName() + "-frontend"; }

  /** The volumeClaimTemplate's name; the PVC of pod 0 is {@code data-<db>-0}. */
  public static final String DATA_VOLUME = "data";

  public static String dataClaim(TaskApp app) { return DATA_VOLUME + "-" + database(app) + "-0"; }

  /** Database name and user inside PostgreSQL, as in the Compose file. */
  public static final String DB_NAME = "taskapp";
  public static final String DB_USER = "taskapp";

  /** Keys of the credentials Secret. */
  public static final String KEY_DB_PASSWORD = "database-password";
  public static final String KEY_SECRET_KEY = "secret-key";
  public static final String KEY_JWT_SECRET_KEY = "jwt-secret-key";
}
