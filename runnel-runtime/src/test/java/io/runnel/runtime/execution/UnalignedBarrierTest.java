package io.runnel.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.OutputTag;
import io.runnel.api.checkpoint.CheckpointConfig;
import io.runnel.runtime.channel.Channel;
import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.channel.RecordBatch;
import io.runnel.runtime.checkpoint.CheckpointCoordinator;
import io.runnel.runtime.checkpoint.CheckpointParticipant;
import io.runnel.runtime.checkpoint.CheckpointStorage;
import io.runnel.runtime.checkpoint.InFlightData;
import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.Restore;
import io.runnel.runtime.checkpoint.TaskCheckpointer;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.ProcessingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unaligned checkpoints at a task with two input channels: the snapshot is taken as soon as a
 * barrier shows up in a priority lane, nothing is held, and the records taken after the snapshot
 * but before each channel's barrier are stored as in-flight data. With an alignment timeout the
 * checkpoint starts aligned and turns unaligned.
 */
class UnalignedBarrierTest {
    @TempDir
    Path dir;

    /** Stands in for the job's sources: takes the coordinator's triggers and acknowledges with nothing. */
    static final class FakeSource implements CheckpointParticipant {
        final CompletableFuture<Long> triggered = new CompletableFuture<>();
        TaskCheckpointer checkpointer;

        @Override
        public void triggerCheckpoint(long checkpointId, boolean savepoint) {
            try {
                checkpointer.snapshot(checkpointId, savepoint, 0, Map.of(), Map.of());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            triggered.complete(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {}

        @Override
        public void jobFinished() {}

        @Override
        public boolean isSource() {
            return true;
        }
    }

    private static RecordBatch batch(Object... values) {
        RecordBatch b = new RecordBatch(8);
        for (Object v : values) b.add(v, 0);
        return b;
    }

    private static final Output<Void> NOWHERE = Output.discarding();

    /** The recorder's snapshot and the in-flight records of the first checkpoint. */
    record Result(List<Object> snapshot, List<Object> inFlight, List<Object> seen) {}

    interface Script {
        void run(Channel a, Channel b, long id, StreamTask task) throws Exception;
    }

    private Result run(Duration alignedTimeout, Script script) throws Exception {
        Channel a = new Channel("a", 16);
        Channel b = new Channel("b", 16);
        BarrierAlignmentTest.Recorder rec = new BarrierAlignmentTest.Recorder();
        rec.setup(new OperatorContext("recorder", 0, 1, 128, ProcessingClock.SYSTEM, false), NOWHERE);
        OperatorChain chain = new OperatorChain(List.of(rec), List.of(), ProcessingClock.SYSTEM, 100);
        InputGate gate = new InputGate(new Channel[] {a, b}, new int[] {0, 0});
        StreamTask task = new StreamTask("t", gate, chain);
        CheckpointConfig config = new CheckpointConfig().setInterval(Duration.ofMillis(50)).setDirectory(dir.toString())
                .enableUnalignedCheckpoints(true).setAlignedCheckpointTimeout(alignedTimeout);
        FakeSource source = new FakeSource();
        try (CheckpointCoordinator coord = new CheckpointCoordinator("t", config, new CheckpointStorage(dir), 128, Map.of(), e -> {})) {
            source.checkpointer = new TaskCheckpointer(coord, 0, 1, 0, List.of(), List.of(), List.of());
            task.checkpointing(new TaskCheckpointer(coord, 0, 0, 0, chain.operators, List.of("recorder"), List.of(1)), true,
                    true, alignedTimeout.toMillis(), new int[] {0, 1}, 0, 1);
            coord.startAttempt(0, List.of(task, source));
            long id = source.triggered.get(10, TimeUnit.SECONDS);
            script.run(a, b, id, task);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (coord.latest() == null && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(coord.latest()).as("checkpoint complete: " + coord.stats()).isNotNull();
            assertThat(coord.latest().id()).isEqualTo(id);
            OperatorRestore r = new Restore(coord.latest(), coord.latestDir()).of("recorder");
            List<Object> inFlight = new ArrayList<>();
            for (InFlightData d : r.<InFlightData>all(InFlightData.PART)) {
                for (InFlightData.Batch x : d.batches()) for (int i = 0; i < x.size(); i++) inFlight.add(x.values()[i]);
            }
            List<List<Object>> seen = r.all("seen");
            return new Result(seen.get(0), inFlight, rec.seen);
        }
    }

    private static void calls(StreamTask task) throws Exception {
        for (int i = 0; i < 10; i++) task.call();
    }

    @Test
    void theSnapshotIsTakenAtOnceAndRecordsBeforeEachBarrierAreStored() throws Exception {
        Result r = run(Duration.ZERO, (a, b, id, task) -> {
            a.offer(batch("a1"));
            a.offerPriority(new ControlItem.Barrier(id, false, 1)); // after a1
            a.offer(batch("a2"));
            b.offer(batch("b1"));
            b.offer(batch("b2"));
            calls(task);
            b.offerPriority(new ControlItem.Barrier(id, false, 2)); // after b1, b2
            b.offer(batch("b3"));
            calls(task);
        });
        assertThat(r.snapshot()).as("nothing was processed before the barrier showed up").isEmpty();
        assertThat(r.inFlight()).containsExactlyInAnyOrder("a1", "b1", "b2");
        assertThat(r.seen()).containsExactlyInAnyOrder("a1", "a2", "b1", "b2", "b3");
    }

    @Test
    void aBarrierVisibleOnlyAfterItsRecordIsTakenStillSplitsTheStream() throws Exception {
        // the barrier at position 1 of b is offered before b2, so taking b2 makes it visible: b2 is after it
        Result r = run(Duration.ZERO, (a, b, id, task) -> {
            a.offerPriority(new ControlItem.Barrier(id, false, 0));
            b.offer(batch("b1"));
            task.call();
            b.offerPriority(new ControlItem.Barrier(id, false, 1));
            b.offer(batch("b2"));
            calls(task);
        });
        assertThat(r.snapshot()).isEmpty();
        assertThat(r.inFlight()).containsExactly("b1");
    }

    @Test
    void anAlignmentThatTimesOutTurnsUnaligned() throws Exception {
        Result r = run(Duration.ofMillis(100), (a, b, id, task) -> {
            a.offer(batch("a1"));
            a.offerPriority(new ControlItem.Barrier(id, false, 1));
            a.offer(batch("a2"));
            b.offer(batch("b1"));
            calls(task);
            BarrierAlignmentTest.Recorder rec = (BarrierAlignmentTest.Recorder) task.headOperator();
            assertThat(rec.seen).as("a is held while aligning").containsExactlyInAnyOrder("a1", "b1");
            Thread.sleep(150);
            calls(task); // the alignment timed out: snapshot now, a2 flows again
            assertThat(rec.seen).containsExactlyInAnyOrder("a1", "b1", "a2");
            b.offer(batch("b2"));
            b.offerPriority(new ControlItem.Barrier(id, false, 2));
            b.offer(batch("b3"));
            calls(task);
        });
        assertThat(r.snapshot()).containsExactlyInAnyOrder("a1", "b1");
        assertThat(r.inFlight()).containsExactly("b2");
    }
}
