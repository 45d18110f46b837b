package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.time.WatermarkStrategy;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's first checkpoint comes soon after it starts, whatever the interval (so the code a
 * checkpoint runs is compiled with the job's loop), unless told otherwise; the interval applies
 * from then on.
 */
class FirstCheckpointDelayTest {
    @TempDir
    Path dir;

    @Test
    void theFirstCheckpointComesAfterItsDelayNotAfterTheInterval() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1).enableCheckpointing(Duration.ofHours(1));
        env.getCheckpointConfig().setDirectory(dir.toString());
        env.fromSource(new FailureAndBackpressureTest.EndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .sinkTo(new FailureAndBackpressureTest.CollectSinkDiscard());
        JobClient client = env.executeAsync("first-checkpoint-early");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (client.checkpoints().stream().noneMatch(c -> c.status() == CheckpointStats.Status.COMPLETED)) {
                assertThat(System.nanoTime()).as("a checkpoint completed long before the hour's interval").isLessThan(deadline);
                Thread.sleep(10);
            }
            Thread.sleep(300);
            assertThat(client.checkpoints()).as("then the interval applies").hasSize(1);
        } finally {
            client.cancel();
        }
    }

    @Test
    void aFirstDelayOfTheIntervalKeepsTheOldTiming() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1).enableCheckpointing(Duration.ofHours(1));
        env.getCheckpointConfig().setDirectory(dir.toString()).setFirstDelay(Duration.ofHours(1));
        env.fromSource(new FailureAndBackpressureTest.EndlessSource(), WatermarkStrategy.noWatermarks(), "endless")
                .sinkTo(new FailureAndBackpressureTest.CollectSinkDiscard());
        JobClient client = env.executeAsync("first-checkpoint-late");
        try {
            Thread.sleep(1000);
            assertThat(client.checkpoints()).isEmpty();
        } finally {
            client.cancel();
        }
    }
}
