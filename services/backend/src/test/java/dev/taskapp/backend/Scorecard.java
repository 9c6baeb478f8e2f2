package dev.taskapp.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes target/scorecard/NN.tsv: one line "NN, title, PASS|FAIL, figure" (see issue 7's scorecard). */
public final class Scorecard {

    private Scorecard() {
    }

    public static void record(int id, String title, boolean passed, String figure) {
        String number = String.format("%02d", id);
        try {
            Path file = Files.createDirectories(Path.of("target", "scorecard")).resolve(number + ".tsv");
            Files.writeString(file, String.join("\t", number, title, passed ? "PASS" : "FAIL", figure) + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
