package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.checkpoint.CheckpointStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint taken at parallelism 2, mid-stream, restores at parallelism 1, 3 and 4: key groups
 * are redistributed, operator state lists split over the new instances, broadcast state copied to
 * every instance, operators matched by uid, and the committed output is the uninterrupted one.
 */
class SavepointRescaleTest {
    private static final long COUNT = 8000;

    @TempDir
    Path dir;

    @Test
    void savepointAtTwoRestoresAtOneThreeAndFour() throws Exception {
        ExactlyOnceJobs.Outcome clean = ExactlyOnceJobs.run(2, "heap", COUNT, ExactlyOnceJobs.Failures.NONE, dir.resolve("clean"), Duration.ofMillis(50));

        ExactlyOnceJobs.Job first = ExactlyOnceJobs.start(2, "heap", COUNT, 4, ExactlyOnceJobs.Failures.NONE, dir.resolve("ck"),
                Duration.ofHours(1), null);
        Thread.sleep(300);
        String savepoint = first.client.triggerSavepoint(dir.resolve("savepoints").toString()).get();
        first.client.cancel();
        try {
            first.client.await(Duration.ofSeconds(30));
        } catch (CancellationException expected) {
            // cancelled after the savepoint
        }
        assertThat(Path.of(savepoint).resolve("_metadata")).exists();
        assertThat(first.client.checkpoints()).anyMatch(c -> c.savepoint() && c.status() == CheckpointStats.Status.COMPLETED);
        assertThat(first.timers.committed().size()).as("the run was cut mid-stream").isLessThan(clean.timers().size());
        first.clear();

        for (int p : new int[] {1, 3, 4}) {
            ExactlyOnceJobs.Job restored = ExactlyOnceJobs.start(p, "heap", COUNT, 20, ExactlyOnceJobs.Failures.NONE,
                    Files.createTempDirectory(dir, "ck" + p), Duration.ofMillis(50), savepoint);
            restored.client.await(Duration.ofMinutes(1));
            ExactlyOnceJobs.assertSame(restored.outcome(), clean);
            restored.clear();
        }
        assertThat(Path.of(savepoint)).as("savepoints are kept").exists();
    }
}
