package dev.taskapp.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one issue-7 scenario's result to target/scorecard/NN.tsv, which scripts/scorecard.sh prints. */
final class Scorecard {

    private Scorecard() {
    }

    static void record(int id, String title, boolean passed, String figure) {
        Path file = Path.of("target", "scorecard", "%02d.tsv".formatted(id));
        String line = "%02d\t%s\t%s\t%s%n".formatted(id, title, passed ? "PASS" : "FAIL", figure.replaceAll("[\t\n]", " "));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        System.out.print("[scorecard] " + line);
    }
}
