package dev.taskapp.operator.render;

import dev.taskapp.operator.core.Defaults;
import dev.taskapp.operator.reconciler.DesiredObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code render [-f FILE|-]}: prints every object the operator would create for a TaskApp, without a
 * cluster, built by the operator's own dependents (DesiredObjects). Exit 0, or 2 with one line on
 * stderr when the input is not a valid TaskApp.
 */
public final class RenderCommand {

  public static final String USAGE = """
      Usage: java -jar taskapp-operator.jar render [-f FILE]
        Prints, as multi-document YAML, every object the operator creates for the TaskApp in FILE
        (or on stdin when FILE is '-' or not given). Needs no cluster; secret values are shown as
        placeholders. TASKAPP_IMAGE_PREFIX and TASKAPP_DATABASE_IMAGE apply as for the operator.
      Example: java -jar operator/target/taskapp-operator.jar render -f k8s/examples/minimal.yaml""";

  private final Defaults defaults;
  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;

  public RenderCommand(Defaults defaults, InputStream stdin, PrintStream out, PrintStream err) {
    this.defaults = defaults;
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  /** The jar's command line when it has arguments: only {@code render} is a command. */
  public static int commandLine(String[] args) {
    var command = new RenderCommand(Defaults.fromEnvironment(), System.in, System.out, System.err);
    if (!"render".equals(args[0])) {
      return command.usageError("unknown command: " + args[0] + "; run with no arguments for the operator, or: render");
    }
    return command.run(Arrays.copyOfRange(args, 1, args.length));
  }

  /** @param args the arguments after "render" */
  public int run(String... args) {
    String file = "-";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        case "-f", "--filename" -> {
          if (i + 1 >= args.length) {
            return usageError("-f needs a file name (or - for stdin)");
          }
          file = args[++i];
        }
        default -> {
          return usageError("unknown argument: " + args[i]);
        }
      }
    }
    try {
      var source = "-".equals(file) ? "stdin" : file;
      var app = TaskAppFile.parse(read(file), source);
      out.print(Manifests.yaml(DesiredObjects.of(app, defaults, Manifests::placeholder)));
      out.flush();
      return 0;
    } catch (InvalidTaskAppException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private String read(String file) throws InvalidTaskAppException {
    try {
      return "-".equals(file)
          ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new InvalidTaskAppException(file + ": no such file (give the path of a TaskApp YAML file, or - for stdin)");
    } catch (IOException e) {
      throw new InvalidTaskAppException(file + ": cannot read: " + e.getMessage());
    }
  }

  private int usageError(String problem) {
    err.println("error: " + problem + " (see: render --help)");
    return 2;
  }
}
