package dev.taskapp.operator.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The values a TaskApp gets where its spec is silent. They belong to the operator install (its
 * environment), so the running operator and an offline render build the same objects.
 */
public record Defaults(String version, String imagePrefix, String databaseImage) {

  public static final String DATABASE_IMAGE = "postgres:17-alpine";

  /** The operator's own version, from the build. */
  public static String operatorVersion() {
    try (InputStream in = Defaults.class.getResourceAsStream("/taskapp-operator.properties")) {
      var props = new Properties();
      if (in != null) {
        props.load(in);
      }
      return props.getProperty("version", "0.1.0");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Defaults builtIn() {
    return new Defaults(operatorVersion(), "taskapp", DATABASE_IMAGE);
  }

  /** TASKAPP_IMAGE_PREFIX and TASKAPP_DATABASE_IMAGE override the built-in defaults. */
  public static Defaults from(Map<String, String> env) {
    var builtIn = builtIn();
    return new Defaults(
        builtIn.version(),
        env.getOrDefault("TASKAPP_IMAGE_PREFIX", builtIn.imagePrefix()),
        env.getOrDefault("TASKAPP_DATABASE_IMAGE", builtIn.databaseImage()));
  }

  public static Defaults fromEnvironment() {
    return from(System.getenv());
  }
}
