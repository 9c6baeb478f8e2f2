package dev.taskapp.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams `docker save` of images (every layer's files, the image configs with their env, labels and
 * history) and reports which of the given strings occur anywhere in those bytes.
 */
final class ImageScan {

    private static final int CHUNK = 8 << 20;

    record Result(Set<String> found, long bytes) {
    }

    private ImageScan() {
    }

    static Result find(Collection<String> needles, List<String> images) {
        List<String> command = new ArrayList<>(List.of("docker", "save"));
        command.addAll(images);
        int overlap = needles.stream().mapToInt(String::length).max().orElse(0);
        Set<String> found = new LinkedHashSet<>();
        long total = 0;
        try {
            Process save = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = save.getInputStream()) {
                byte[] buffer = new byte[CHUNK + overlap];
                int kept = 0;
                for (int read; (read = in.readNBytes(buffer, kept, CHUNK)) > 0; ) {
                    total += read;
                    int length = kept + read;
                    // ISO-8859-1 maps each byte to one char, so an ASCII secret is found wherever its bytes are.
                    String window = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
                    needles.stream().filter(window::contains).forEach(found::add);
                    // The tail is kept so a secret split across two chunks is still found.
                    kept = Math.min(overlap, length);
                    System.arraycopy(buffer, length - kept, buffer, 0, kept);
                }
            }
            if (save.waitFor() != 0) {
                throw new IllegalStateException("`" + String.join(" ", command) + "` failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
        return new Result(found, total);
    }
}
