package io.runnel.log;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process of {@link CleanerCrashTest}: cleans the data directory and, at the named step,
 * creates the "reached" file and parks until the parent kills it with SIGKILL.
 */
public final class CleanerCrashChild {
    private CleanerCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String step = args[1];
        Path reached = Path.of(args[2]);
        long now = Long.parseLong(args[3]);
        LogManager m = LogManager.open(dir, LogConfig.defaults(), () -> now);
        LogCleaner cleaner = m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE, s -> {
            if (s.equals(step)) {
                try {
                    Files.createFile(reached);
                    Thread.sleep(Long.MAX_VALUE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        cleaner.cleanOnce();
    }
}
