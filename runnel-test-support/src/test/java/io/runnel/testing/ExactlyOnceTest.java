package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.checkpoint.CheckpointStats;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceTest {
    @TempDir
    Path dir;

    @Test
    void checkpointsCompleteAndOutputIsCommittedOnce() throws Exception {
        ExactlyOnceJobs.Outcome clean = ExactlyOnceJobs.run(2, "heap", 6000, ExactlyOnceJobs.Failures.NONE, dir.resolve("a"), Duration.ofMillis(20));
        assertThat(clean.timers()).isNotEmpty();
        assertThat(clean.windows()).isNotEmpty();
        assertThat(clean.client().checkpoints()).anyMatch(c -> c.status() == CheckpointStats.Status.COMPLETED && !c.savepoint());
        ExactlyOnceJobs.Outcome failed = ExactlyOnceJobs.run(2, "heap", 6000, new ExactlyOnceJobs.Failures(3000, 0, 0),
                dir.resolve("b"), Duration.ofMillis(20));
        assertThat(failed.client().restarts()).isEqualTo(1);
        ExactlyOnceJobs.assertSame(failed, clean);
        assertThat(failed.client().recoveryMillis()).hasSize(1);
    }

    @Test
    void timedOutCheckpointsFailAndAreCleanedUpWithoutFailingAJobThatToleratesIt() throws Exception {
        ExactlyOnceJobs.Outcome clean = ExactlyOnceJobs.run(1, "heap", 3000, ExactlyOnceJobs.Failures.NONE, dir.resolve("d"), Duration.ofMillis(20));
        ExactlyOnceJobs.Job job = ExactlyOnceJobs.start(2, "heap", 3000, 20, ExactlyOnceJobs.Failures.NONE, dir.resolve("e"),
                Duration.ofMillis(20), null, Duration.ofMillis(1));
        try {
            job.client.await(Duration.ofMinutes(1));
            assertThat(job.client.restarts()).isZero();
            assertThat(job.client.checkpoints()).anyMatch(c -> c.status() == CheckpointStats.Status.FAILED && c.failure().contains("timed out"));
            // the aborted checkpoints' output is committed with the final checkpoint
            ExactlyOnceJobs.assertSame(job.outcome(), clean);
            try (var s = java.nio.file.Files.list(dir.resolve("e"))) {
                assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chk-")).toList()).hasSize(1);
            }
        } finally {
            job.clear();
        }
    }

    @Test
    void checkpointDirectoryKeepsTheRetainedCheckpointsOnly() throws Exception {
        ExactlyOnceJobs.run(2, "heap", 6000, ExactlyOnceJobs.Failures.NONE, dir.resolve("c"), Duration.ofMillis(10));
        try (var s = java.nio.file.Files.list(dir.resolve("c"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chk-")).toList()).hasSize(1);
        }
    }
}
