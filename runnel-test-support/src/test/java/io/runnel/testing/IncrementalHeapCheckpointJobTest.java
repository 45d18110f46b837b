package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.CheckpointStats;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.runtime.checkpoint.CheckpointStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job on the heap backend checkpoints incrementally: checkpoints write less than they cover,
 * the shared directory holds exactly the files the retained checkpoints need (those of expired
 * checkpoints deleted), and restores from the latest incremental checkpoint, at the same
 * parallelism (which continues the chains) and then at another, commit exactly the output of an
 * uninterrupted run.
 */
class IncrementalHeapCheckpointJobTest {
    private static final long COUNT = 10_000;
    private static final java.util.regex.Pattern CHECKPOINT_OF_FILE = java.util.regex.Pattern.compile("-(\\d+)-[0-9a-f]{8}\\.heap$");

    @TempDir
    Path dir;

    @Test
    void checkpointsShareFilesWhileNeededAndRestoreAtAnotherParallelism() throws Exception {
        CommittingCollectSink<String> cleanSink = new CommittingCollectSink<>();
        CommittingCollectSink<String> sink = new CommittingCollectSink<>();
        try {
            job(1, dir.resolve("clean"), cleanSink, null, 20).executeAsync("incremental").await(Duration.ofMinutes(1));
            List<String> expected = sorted(cleanSink.committed());

            Path ck = dir.resolve("ck");
            JobClient c = job(1, ck, sink, null, 1).executeAsync("incremental");
            // with 2 max deltas every base is rewritten within 4 checkpoints: by 8, checkpoint 1's file has expired
            CheckpointsAfterTasksFinishTest.awaitWhileRunning(c, () -> completed(c) >= 8 && incremental(c) >= 2, "eight checkpoints");
            CheckpointsAfterTasksFinishTest.cancel(c);
            assertThat(sink.committed().size()).as("the job was cut mid-stream").isLessThan(expected.size());
            assertSharedFilesAreThoseOfRetainedCheckpoints(new CheckpointStorage(ck));

            JobClient again = job(1, ck, sink, "latest", 1).executeAsync("incremental");
            CheckpointsAfterTasksFinishTest.awaitWhileRunning(again, () -> completed(again) >= 4, "four checkpoints after the restore");
            CheckpointsAfterTasksFinishTest.cancel(again);
            assertThat(sink.committed().size()).as("the restored job was cut mid-stream").isLessThan(expected.size());
            assertSharedFilesAreThoseOfRetainedCheckpoints(new CheckpointStorage(ck));

            job(2, ck, sink, "latest", 20).executeAsync("incremental").await(Duration.ofMinutes(1));
            assertThat(sorted(sink.committed())).isEqualTo(expected);
        } finally {
            cleanSink.clear();
            sink.clear();
        }
    }

    /**
     * Every file a retained checkpoint needs is there, and nothing older: a file no retained
     * checkpoint needs may only be one written for a checkpoint still in flight when the job was
     * cancelled (the next start removes it).
     */
    private static void assertSharedFilesAreThoseOfRetainedCheckpoints(CheckpointStorage storage) throws Exception {
        Set<String> needed = new TreeSet<>();
        List<Long> completed = storage.completed();
        for (long id : completed) needed.addAll(CheckpointStorage.readMetadata(storage.checkpointDir(id)).sharedFiles());
        assertThat(needed).as("the retained checkpoints share files").isNotEmpty();
        assertThat(names(storage.sharedDir())).as("every file a retained checkpoint needs").containsAll(needed);
        long latest = completed.get(completed.size() - 1);
        // expired checkpoints' files are deleted off the job's threads: wait for that, not a time
        for (int i = 0; i < 500 && !unneeded(storage, needed).stream().allMatch(f -> checkpointOf(f) > latest); i++) Thread.sleep(10);
        for (String f : unneeded(storage, needed)) {
            assertThat(checkpointOf(f)).as("unneeded file " + f + " is of a checkpoint after the latest completed one").isGreaterThan(latest);
        }
        for (String f : needed) assertThat(checkpointOf(f)).as("the first checkpoint's file was deleted").isGreaterThan(1);
    }

    private static Set<String> unneeded(CheckpointStorage storage, Set<String> needed) throws Exception {
        Set<String> extra = names(storage.sharedDir());
        extra.removeAll(needed);
        return extra;
    }

    private static long checkpointOf(String file) {
        java.util.regex.Matcher m = CHECKPOINT_OF_FILE.matcher(file);
        assertThat(m.find()).as(file).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static Set<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static long completed(JobClient c) {
        return c.checkpoints().stream().filter(s -> s.status() == CheckpointStats.Status.COMPLETED && !s.savepoint()).count();
    }

    /** Completed checkpoints that wrote less than they cover. */
    private static long incremental(JobClient c) {
        return c.checkpoints().stream().filter(s -> s.status() == CheckpointStats.Status.COMPLETED && !s.savepoint()
                && s.incrementalBytes() < s.fullBytes()).count();
    }

    private static StreamEnvironment job(int parallelism, Path ck, CommittingCollectSink<String> sink, String restore, int perMilli) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).enableCheckpointing(Duration.ofMillis(30))
                .setRestartStrategy(RestartStrategy.none());
        env.getCheckpointConfig().setDirectory(ck.toString()).setRetained(2).setMaxDeltas(2);
        if (restore != null) env.restoreFrom(restore);
        env.fromSource(new SequenceSource(COUNT, 2, perMilli), WatermarkStrategy.forMonotonousTimestamps(), "numbers").uid("numbers")
                .keyBy(v -> v % 13 * 1_000_000 + v / 50).process(new ExactlyOnceJobs.CountPerBucket()).uid("count-per-bucket")
                .sinkTo(sink).uid("sink");
        return env;
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        Collections.sort(out);
        return out;
    }
}
