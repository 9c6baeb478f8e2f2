package dev.taskapp.operator.parity;

import dev.taskapp.operator.core.Defaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The two sides the parity table compares, read from the repository (tests run in operator/). */
record ParityInputs(ComposeFile compose, RenderedTaskApp rendered, Defaults defaults, String imageUser) {

  static final Path ROOT = Path.of(System.getProperty("parity.root", "..")).normalize();
  static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  static final Path ENV_EXAMPLE = ROOT.resolve(".env.example");
  /** The default TaskApp: an empty spec. */
  static final Path MINIMAL = Path.of("../k8s/examples/minimal.yaml");

  static ParityInputs load() throws Exception {
    var defaults = Defaults.builtIn(); // the operator's own defaults, as a fresh install has them
    return new ParityInputs(ComposeFile.read(COMPOSE, ENV_EXAMPLE), RenderedTaskApp.of(MINIMAL, defaults), defaults,
        jibUser(ROOT.resolve("pom.xml")));
  }

  /** The user the Jib-built images run as (root pom, jib container.user), or null when the images keep the base's. */
  static String jibUser(Path pom) throws Exception {
    var matcher = Pattern.compile("<user>\\s*([^<\\s]+)\\s*</user>").matcher(Files.readString(pom));
    return matcher.find() ? matcher.group(1) : null;
  }

  ParityTable table() {
    return new ParityTable(compose, rendered, defaults, imageUser);
  }
}
