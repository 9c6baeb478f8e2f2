package dev.taskapp.operator.status;

/** Condition types and reasons of a TaskApp's status, in one place. */
public final class ConditionTypes {

  public static final String DATABASE_READY = "DatabaseReady";
  public static final String BACKEND_READY = "BackendReady";
  public static final String FRONTEND_READY = "FrontendReady";
  public static final String READY = "Ready";
  /** Present only while spec.database.storage asks for more than the volume can be given. */
  public static final String STORAGE_EXPANDED = "StorageExpanded";

  public static final String TRUE = "True";
  public static final String FALSE = "False";

  /** Reasons. */
  public static final String REASON_READY = "Ready";
  public static final String REASON_CREATING = "Creating";
  public static final String REASON_WAITING_FOR_DATABASE = "WaitingForDatabase";
  public static final String REASON_WAITING_FOR_BACKEND = "WaitingForBackend";
  public static final String REASON_ROLLING_OUT = "RollingOut";
  public static final String REASON_SCALED_TO_ZERO = "ScaledToZero";
  public static final String REASON_DATABASE_NOT_READY = "DatabaseNotReady";
  public static final String REASON_BACKEND_NOT_READY = "BackendNotReady";
  public static final String REASON_FRONTEND_NOT_READY = "FrontendNotReady";
  /** The spec has a mistake the CRD schema cannot reject (see SpecProblems). */
  public static final String REASON_INVALID_SPEC = "InvalidSpec";
  /** The credentials Secret was deleted while the database volume still holds data. */
  public static final String REASON_CREDENTIALS_MISSING = "CredentialsMissing";
  /** The cluster refused a child object (validation, an admission webhook, a quota, a permission). */
  public static final String REASON_REFUSED = "Refused";
  /** The database volume's StorageClass does not allow it to grow. */
  public static final String REASON_EXPANSION_NOT_ALLOWED = "ExpansionNotAllowed";

  /** A change of the PostgreSQL major version (or one that cannot be ruled out), refused: see PostgresMajor. */
  public static final String REASON_MAJOR_VERSION_CHANGE = "MajorVersionChange";

  /** Pod failures (PodFailures), on the tier's condition: the scheduler's or the kubelet's account. */
  public static final String REASON_UNSCHEDULABLE = "Unschedulable";
  public static final String REASON_IMAGE_PULL_FAILED = "ImagePullFailed";
  public static final String REASON_CRASH_LOOP = "CrashLoopBackOff";
  public static final String REASON_OOM_KILLED = "OOMKilled";
  public static final String REASON_CONTAINER_CANNOT_START = "ContainerCannotStart";
  public static final String REASON_READINESS_PROBE_FAILING = "ReadinessProbeFailing";

  private ConditionTypes() {}
}
