package dev.taskapp.operator.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The images a cluster without a registry needs, as scripts/export-images.sh writes them: one
 * tarball per image and images.txt ("file reference" per line). Each check is local and instant, so
 * the test skips at once where something is missing (asking Testcontainers for an image that is not
 * there would wait minutes for a registry).
 */
record ClusterImages(Path dir, List<String[]> entries) {

  static final Path DEFAULT_DIR = Path.of("../target/images");
  static final String K3S_IMAGE = System.getenv().getOrDefault("K3S_IMAGE", "rancher/k3s:v1.31.4-k3s1");
  static final String DATABASE_TARBALL = "taskapp-database.tar";

  /** The exported images, or why the end-to-end test cannot run here. */
  static Result find() throws IOException {
    var dir = Optional.ofNullable(System.getenv("TASKAPP_IMAGES_DIR")).map(Path::of).orElse(DEFAULT_DIR);
    var list = dir.resolve("images.txt");
    if (!Files.exists(list)) {
      return new Result(null, list + " is missing: export the images first with scripts/export-images.sh");
    }
    var entries = Files.readAllLines(list).stream().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+", 2)).toList();
    for (var entry : entries) {
      if (!Files.exists(dir.resolve(entry[0]))) {
        return new Result(null, dir.resolve(entry[0]) + " is missing: run scripts/export-images.sh again");
      }
    }
    if (!docker("info")) {
      return new Result(null, "no Docker engine reachable: k3s runs in one");
    }
    if (!docker("image", "inspect", K3S_IMAGE)) {
      return new Result(null, K3S_IMAGE + " is not in the local Docker engine and no registry is reachable here to pull it"
          + " (CI's k3s-e2e job pulls it)");
    }
    return new Result(new ClusterImages(dir, entries), null);
  }

  record Result(ClusterImages images, String skipReason) {}

  /** The database image the operator must be told about (its TASKAPP_DATABASE_IMAGE). */
  String databaseImage() {
    return entries.stream().filter(e -> e[0].equals(DATABASE_TARBALL)).map(e -> e[1]).findFirst()
        .orElseThrow(() -> new IllegalStateException(DATABASE_TARBALL + " is not listed in " + dir.resolve("images.txt")));
  }

  /** What `k3s ctr images import FILE` does on a k3s node, for each tarball. */
  void importInto(K3sContainer k3s) throws Exception {
    for (var entry : entries) {
      k3s.copyFileToContainer(MountableFile.forHostPath(dir.resolve(entry[0])), "/tmp/image.tar");
      var result = k3s.execInContainer("ctr", "-n", "k8s.io", "images", "import", "/tmp/image.tar");
      if (result.getExitCode() != 0) {
        throw new IllegalStateException("importing " + entry[0] + " failed: " + result.getStderr());
      }
      k3s.execInContainer("rm", "/tmp/image.tar");
    }
  }

  private static boolean docker(String... args) {
    try {
      var command = new ArrayList<>(List.of("docker"));
      command.addAll(List.of(args));
      var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
