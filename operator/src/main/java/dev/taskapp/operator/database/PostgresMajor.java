package dev.taskapp.operator.database;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The PostgreSQL major version an image runs, told from its tag, and whether the database may move
 * from one image to another. A data directory opens only with the major that wrote it: a new major
 * needs a dump and restore (docs/database-upgrade.md), so the operator never rolls one.
 */
public final class PostgresMajor {

  public static final String UPGRADE_DOC = "docs/database-upgrade.md";
  /** 17, 17.2, 17-alpine, 17.2-bookworm, 9.6.24: the leading number (both numbers before PostgreSQL 10). */
  private static final Pattern TAG = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)?(?:-[\\w.-]+)?");

  private PostgresMajor() {}

  /** The major of an image such as postgres:17-alpine or registry:5000/x/postgres:16.4; empty when the tag does not say. */
  public static Optional<String> of(String image) {
    var name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int colon = name.lastIndexOf(':');
    if (colon < 0 || colon < name.lastIndexOf('/')) {
      return Optional.empty(); // no tag (latest), or only a digest
    }
    var tag = TAG.matcher(name.substring(colon + 1));
    if (!tag.matches()) {
      return Optional.empty();
    }
    int major = Integer.parseInt(tag.group(1));
    if (major < 9) {
      return Optional.empty(); // not a PostgreSQL version (e.g. an own build tagged 1.0)
    }
    return Optional.of(major >= 10 || tag.group(2) == null ? String.valueOf(major) : major + "." + tag.group(2));
  }

  /**
   * Why the database may not move to the wanted image: the data directory's major (as recorded, else
   * told from the running image) is another, or one of the two cannot be told. Empty when both
   * majors are the same, or when the image does not change.
   *
   * @param dataMajor the major recorded for the data directory, if any
   * @param running the image the StatefulSet runs now
   */
  public static Optional<String> refusal(Optional<String> dataMajor, String running, String wanted) {
    var from = dataMajor.or(() -> of(running));
    var to = of(wanted);
    var how = "; the database keeps running " + running + ". To change the major version, dump and restore as "
        + UPGRADE_DOC + " describes";
    if (from.isPresent() && to.isPresent()) {
      return from.equals(to) ? Optional.empty()
          : Optional.of("PostgreSQL " + to.get() + " (" + wanted + ") cannot open the data directory of PostgreSQL "
              + from.get() + " (" + running + ") without a dump and restore, which the operator does not do" + how);
    }
    if (running.equals(wanted)) {
      return Optional.empty();
    }
    var unknown = from.isEmpty() ? running : wanted;
    return Optional.of("The PostgreSQL major version of " + unknown + " cannot be told from its tag, so " + running
        + " → " + wanted + " may be a major upgrade, which the operator does not roll" + how
        + "; to change only the minor version, use an image tagged with the version (e.g. postgres:17.2-alpine)");
  }
}
