package io.runnel.runtime.execution;

import io.runnel.runtime.channel.Channel;
import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.channel.RecordBatch;
import io.runnel.runtime.checkpoint.InFlightData;
import io.runnel.runtime.checkpoint.TaskCheckpointer;
import java.util.Arrays;

/**
 * How a task with input channels takes part in a checkpoint. Barriers come in each channel's
 * priority lane with their position in the channel's stream, so the task learns of a checkpoint
 * at once, whatever is queued before the barrier.
 * <ul>
 * <li>Aligned (exactly-once): a channel is held once it reached its barrier's position, until every
 * open channel did; then the task snapshots and forwards the barrier.
 * <li>At-least-once: nothing is held; the snapshot is taken when the last channel reached its barrier.
 * <li>Unaligned: the task snapshots as soon as it learns of the checkpoint and forwards the barrier
 * ahead of its queued output; every batch it then takes from a channel before that channel's
 * barrier position is kept as in-flight data of the checkpoint, which is written once all channels
 * reached their barriers. With an alignment timeout, a checkpoint starts aligned and turns
 * unaligned when its alignment lasted that long. Savepoints are always aligned.
 * </ul>
 * A barrier that becomes visible only after the item at its position was taken (the producer
 * offered the barrier, then the item) is caught by looking at the priority lane after each take:
 * the item is then held back until the barrier has been dealt with.
 */
final class BarrierHandler {
    /** What the task does at a snapshot; both forward the barrier downstream. */
    interface Snapshots {
        void aligned(long id, boolean savepoint, long alignmentNanos) throws Exception;

        TaskCheckpointer.Deferred unaligned(long id) throws Exception;
    }

    private final Channel[] channels;
    private final InputGate gate;
    private final int[] edgeOf;
    private final boolean exactlyOnce;
    private final boolean unalignedEnabled;
    private final long alignedTimeoutNanos;
    private final Snapshots snapshots;
    private final int subtask;
    private final int parallelism;
    /** Main-lane items taken from each channel so far. */
    private final long[] consumed;
    /** An item taken from a channel but held back because the barrier before it showed up late. */
    private final Object[] held;
    // the checkpoint in progress
    private long current = -1;
    private boolean savepoint;
    private long startNanos;
    private final long[] barrierAt;
    private final boolean[] arrived;
    private final boolean[] blocked;
    private TaskCheckpointer.Deferred deferred;
    private InFlightData inFlight;
    private long lastSnapshot = -1;

    BarrierHandler(InputGate gate, int[] edgeOf, boolean exactlyOnce, boolean unalignedEnabled, long alignedTimeoutMillis,
                   Snapshots snapshots, int subtask, int parallelism) {
        this.channels = gate.channels;
        this.gate = gate;
        this.edgeOf = edgeOf;
        this.exactlyOnce = exactlyOnce;
        this.unalignedEnabled = unalignedEnabled && exactlyOnce;
        this.alignedTimeoutNanos = alignedTimeoutMillis * 1_000_000L;
        this.snapshots = snapshots;
        this.subtask = subtask;
        this.parallelism = parallelism;
        int n = channels.length;
        this.consumed = new long[n];
        this.held = new Object[n];
        this.barrierAt = new long[n];
        this.arrived = new boolean[n];
        this.blocked = new boolean[n];
        Arrays.fill(barrierAt, -1);
    }

    /** Reads every priority lane and switches a long alignment to unaligned; once per task call. */
    void pollPriority() throws Exception {
        for (int c = 0; c < channels.length; c++) drainPriority(c);
        if (current >= 0 && deferred == null && unalignedEnabled && alignedTimeoutNanos > 0 && !savepoint
                && System.nanoTime() - startNanos > alignedTimeoutNanos) {
            goUnaligned();
        }
    }

    /** The next item of channel {@code c}, or null when it has none or is held for alignment. */
    Object poll(int c) throws Exception {
        // the items before the barrier were taken (and processed): the channel is at its barrier
        if (!arrived[c] && barrierAt[c] >= 0 && consumed[c] >= barrierAt[c]) reached(c);
        if (blocked[c]) return null;
        Object item = held[c];
        if (item != null) {
            held[c] = null;
        } else {
            item = channels[c].poll();
            if (item == null) return null;
            drainPriority(c);
            if (blocked[c]) {
                held[c] = item;
                return null;
            }
        }
        if (deferred != null && !arrived[c] && item instanceof RecordBatch b) inFlight.add(edgeOf[c], b);
        consumed[c]++;
        return item;
    }

    /** Channel {@code c} delivered its end of input. */
    void onFinished(int c) throws Exception {
        if (current < 0) return;
        if (deferred != null) {
            arrived[c] = true;
            maybeComplete();
        } else {
            maybeAligned();
        }
    }

    /** The newest checkpoint this task snapshotted. */
    long lastSnapshot() {
        return lastSnapshot;
    }

    private void drainPriority(int c) throws Exception {
        ControlItem.Barrier b;
        while ((b = channels[c].pollPriority()) != null) onBarrier(c, b);
    }

    private void onBarrier(int c, ControlItem.Barrier b) throws Exception {
        long id = b.checkpointId();
        if (id < current || id <= lastSnapshot && id != current) return; // abandoned, or done already
        if (id > current) start(b);
        barrierAt[c] = b.position();
        if (deferred == null && unalignedEnabled && alignedTimeoutNanos == 0 && !savepoint) goUnaligned();
        if (!arrived[c] && consumed[c] >= barrierAt[c]) reached(c);
    }

    /** A newer checkpoint: whatever was in progress is abandoned (it times out at the coordinator). */
    private void start(ControlItem.Barrier b) {
        current = b.checkpointId();
        savepoint = b.savepoint();
        startNanos = System.nanoTime();
        deferred = null;
        inFlight = null;
        Arrays.fill(barrierAt, -1);
        Arrays.fill(arrived, false);
        Arrays.fill(blocked, false);
    }

    /** Channel {@code c} reached the current checkpoint's barrier. */
    private void reached(int c) throws Exception {
        arrived[c] = true;
        if (deferred != null) {
            maybeComplete();
        } else {
            if (exactlyOnce) blocked[c] = true;
            maybeAligned();
        }
    }

    private void maybeAligned() throws Exception {
        for (int i = 0; i < channels.length; i++) if (!arrived[i] && !gate.isFinished(i)) return;
        long id = current;
        boolean sp = savepoint;
        long waited = System.nanoTime() - startNanos;
        reset();
        lastSnapshot = id;
        snapshots.aligned(id, sp, waited);
    }

    private void goUnaligned() throws Exception {
        lastSnapshot = current;
        deferred = snapshots.unaligned(current);
        inFlight = new InFlightData(subtask, parallelism);
        for (int i = 0; i < channels.length; i++) if (gate.isFinished(i)) arrived[i] = true;
        Arrays.fill(blocked, false);
        maybeComplete();
    }

    private void maybeComplete() {
        for (boolean a : arrived) if (!a) return;
        TaskCheckpointer.Deferred d = deferred;
        InFlightData data = inFlight;
        long waited = System.nanoTime() - startNanos;
        reset();
        d.complete(waited, InFlightData.PART, data);
    }

    private void reset() {
        current = -1;
        deferred = null;
        inFlight = null;
        Arrays.fill(barrierAt, -1);
        Arrays.fill(arrived, false);
        Arrays.fill(blocked, false);
    }
}
