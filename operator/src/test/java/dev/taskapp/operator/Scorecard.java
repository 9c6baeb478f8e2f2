package dev.taskapp.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line of issue 7's scorecard per scenario: target/scorecard/NN.tsv (see scripts/scorecard.sh). */
public final class Scorecard {

  private Scorecard() {}

  public static void record(int id, String title, boolean passed, String figure) {
    var line = "%02d\t%s\t%s\t%s%n".formatted(id, title, passed ? "PASS" : "FAIL", figure.replace('\t', ' ').replace('\n', ' '));
    try {
      Files.createDirectories(Path.of("target", "scorecard"));
      Files.writeString(Path.of("target", "scorecard", "%02d.tsv".formatted(id)), line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
