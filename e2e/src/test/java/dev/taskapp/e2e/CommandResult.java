package dev.taskapp.e2e;

/** What a finished command printed, and how it ended. */
record CommandResult(String command, int exitCode, String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0;
    }

    /** Fails with the command's own words when it did not succeed. */
    CommandResult orThrow() {
        if (!succeeded()) {
            throw new IllegalStateException("`" + command + "` exited with " + exitCode + ":\n" + stderr + stdout);
        }
        return this;
    }
}
