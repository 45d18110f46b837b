package io.runnel.connectors.file;

/**
 * Names of the files a {@link FileSink} writes: {@code part-<subtask>-<n>} once complete, and
 * {@code .part-<subtask>-<n>.inprogress} while written. The leading dot hides in-progress files
 * from {@link FileSource} and most tools. {@code n} counts the files a subtask rolled; the
 * two-phase-commit sink will make {@code n} the rolled file's sequence number and commit by
 * renaming, which keeps a re-commit after a restore idempotent.
 */
final class PartFileNames {
    private PartFileNames() {}

    static String finished(int subtask, long n) {
        return "part-" + subtask + "-" + n;
    }

    static String inProgress(int subtask, long n) {
        return "." + finished(subtask, n) + ".inprogress";
    }
}
