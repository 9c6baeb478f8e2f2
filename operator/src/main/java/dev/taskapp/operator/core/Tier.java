package dev.taskapp.operator.core;

import java.util.Optional;

/** The three tiers, in start order, with the port each serves on (as in Compose). */
public enum Tier {
  DATABASE("db", 5432),
  BACKEND("backend", 5000),
  FRONTEND("frontend", 3000);

  private final String component;
  private final int port;

  Tier(String component, int port) {
    this.component = component;
    this.port = port;
  }

  /** The value of app.kubernetes.io/component, also the container and port name. */
  public String component() { return component; }

  public int port() { return port; }

  /**
   * The tier whose readiness this tier's pods wait for through their readiness gate, as this tier
   * depends_on that one being healthy in Compose. The database waits for nothing.
   */
  public Optional<Tier> gatedOn() {
    return switch (this) {
      case DATABASE -> Optional.empty();
      case BACKEND -> Optional.of(DATABASE);
      case FRONTEND -> Optional.of(BACKEND);
    };
  }
}
