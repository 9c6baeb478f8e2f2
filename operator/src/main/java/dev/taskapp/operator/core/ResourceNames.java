package dev.taskapp.operator.core;

import dev.taskapp.operator.api.TaskApp;

/** The names of every object the operator creates for a TaskApp, in one place. */
public final class ResourceNames {

  private ResourceNames() {}

  public static final String SECRET_SUFFIX = "-credentials";
  public static final String DATABASE_SUFFIX = "-db";
  public static final String BACKEND_SUFFIX = "-backend";
  public static final String FRONTEND_SUFFIX = "-frontend";

  public static String secret(TaskApp app) { return app.getMetadata().getName() + SECRET_SUFFIX; }
  public static String database(TaskApp app) { return app.getMetadata().getName() + DATABASE_SUFFIX; }
  public static String backend(TaskApp app) { return app.getMetadata().getName() + BACKEND_SUFFIX; }
  public static String frontend(TaskApp app) { return app.getMetadata().getName() + FRONTEND_SUFFIX; }

  /** Service names are DNS-1035 labels; label values (app.kubernetes.io/instance is the TaskApp's name) have the same bound. */
  public static final int DNS_LABEL_MAX = 63;

  /**
   * A StatefulSet's pods carry the label controller-revision-hash = its name + "-" + a hash of up to
   * 10 characters, which must stay a valid label value: so 52 characters at most.
   */
  public static final int STATEFULSET_NAME_MAX = DNS_LABEL_MAX - 1 - 10;

  /**
   * The longest TaskApp name whose children are all valid. The StatefulSet NAME-db is the tightest
   * bound (NAME-frontend, the longest Service name, allows 54; Secret, PVC data-NAME-db-0, Ingress and
   * NetworkPolicy names may have 253 characters). A compile-time constant because the CRD's CEL rule,
   * an annotation on {@code TaskApp}, is built from it; {@link #longestValidName()} derives it from the
   * suffixes above, and ResourceNamesTest fails when the two disagree.
   */
  public static final int MAX_NAME_LENGTH = STATEFULSET_NAME_MAX - 3; // 3 = DATABASE_SUFFIX.length()

  /** The bound each child puts on the TaskApp's name, the smallest of which is {@link #MAX_NAME_LENGTH}. */
  public static int longestValidName() {
    int services = DNS_LABEL_MAX - Math.max(DATABASE_SUFFIX.length(), Math.max(BACKEND_SUFFIX.length(), FRONTEND_SUFFIX.length()));
    int statefulSet = STATEFULSET_NAME_MAX - DATABASE_SUFFIX.length();
    int instanceLabel = DNS_LABEL_MAX;
    return Math.min(instanceLabel, Math.min(services, statefulSet));
  }

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
