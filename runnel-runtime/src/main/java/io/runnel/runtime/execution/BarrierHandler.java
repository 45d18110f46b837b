package io.runnel.runtime.execution;

import io.runnel.runtime.channel.Channel;
import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.channel.RecordBatch;
import io.runnel.runtime.checkpoint.InFlightData;
import io.runnel.runtime.checkpoint.TaskCheckpointer;
import java.util.ArrayDeque;
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
 * ahead of its queued output. It then moves everything queued before each channel's barrier out of
 * the channel into a local queue, keeping those batches as the checkpoint's in-flight data, and
 * processes the local queue before the channel. The checkpoint is written once every channel was
 * emptied up to its barrier: that takes as long as moving the queued batches, not processing
 * them. The local queues hold no more than the channels did, so memory stays bounded.
 * With an alignment timeout, a checkpoint starts aligned and turns unaligned when its alignment
 * lasted that long. Savepoints are always aligned.
 * </ul>
 * A barrier that becomes visible only after the item at its position was taken (the producer
 * offered the barrier, then the item) is caught by looking at the priority lane after each take:
 * the item then waits in the local queue until the barrier has been dealt with.
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
    /** Main-lane items taken out of each channel so far (an item's index is its place in this count). */
    private final long[] taken;
    /** Items taken but not yet processed, oldest first; they come before the channel's. */
    private final ArrayDeque<Object>[] local;
    // the checkpoint in progress
    private long current = -1;
    private boolean savepoint;
    private long startNanos;
    private final long[] barrierAt;
    /** Aligned: the channel processed everything before its barrier. Unaligned: it was emptied up to it. */
    private final boolean[] arrived;
    private final boolean[] blocked;
    private TaskCheckpointer.Deferred deferred;
    private InFlightData inFlight;
    private long lastSnapshot = -1;

    @SuppressWarnings("unchecked")
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
        this.taken = new long[n];
        this.local = new ArrayDeque[n];
        for (int i = 0; i < n; i++) local[i] = new ArrayDeque<>();
        this.barrierAt = new long[n];
        this.arrived = new boolean[n];
        this.blocked = new boolean[n];
        Arrays.fill(barrierAt, -1);
    }

    /**
     * Once per task call: reads every priority lane, switches a long alignment to unaligned, and
     * while unaligned moves what is queued before the barriers out of the channels.
     */
    void pollPriority() throws Exception {
        for (int c = 0; c < channels.length; c++) drainPriority(c);
        act();
    }

    /** The next item of channel {@code c} to process, or null when it has none or is held for alignment. */
    Object poll(int c) throws Exception {
        checkReached(c);
        if (blocked[c]) return null;
        if (local[c].isEmpty()) {
            if (!take(c)) return null;
            act();
            checkReached(c);
            if (blocked[c]) return null; // the item is after the barrier: it waits for the alignment
        }
        return local[c].pollFirst();
    }

    /** Channel {@code c} delivered its end of input. */
    void onFinished(int c) throws Exception {
        if (current < 0) return;
        if (deferred != null) maybeComplete();
        else maybeAligned();
    }

    private long processed(int c) {
        return taken[c] - local[c].size();
    }

    /**
     * Takes the next item out of channel {@code c} into the local queue; false if there is none.
     * A barrier offered before this item is visible once the item is, so the priority lane is read
     * after the take; while unaligned, the item is in flight if it lies before the barrier.
     */
    private boolean take(int c) {
        Object item = channels[c].poll();
        if (item == null) return false;
        long index = taken[c];
        drainPriority(c); // before counting the item: a barrier at its index is before it
        taken[c]++;
        local[c].addLast(item);
        if (deferred != null && !arrived[c]) {
            if (barrierAt[c] < 0 || index < barrierAt[c]) record(c, item);
            if (item instanceof ControlItem.EndOfInput || barrierAt[c] >= 0 && taken[c] >= barrierAt[c]) arrived[c] = true;
        }
        return true;
    }

    private void drainPriority(int c) {
        ControlItem.Barrier b;
        while ((b = channels[c].pollPriority()) != null) learn(c, b);
    }

    /** Notes where channel {@code c}'s barrier is; a newer checkpoint abandons the one in progress. */
    private void learn(int c, ControlItem.Barrier b) {
        long id = b.checkpointId();
        if (id < current || id <= lastSnapshot && id != current) return; // abandoned, or done already
        if (id > current) start(b);
        barrierAt[c] = b.position();
        if (deferred != null && !arrived[c] && taken[c] >= barrierAt[c]) arrived[c] = true;
    }

    /** What the barriers learnt call for: an unaligned snapshot, moving items out, completing. */
    private void act() throws Exception {
        if (current < 0) return;
        if (deferred == null && unalignedEnabled && !savepoint
                && (alignedTimeoutNanos == 0 || System.nanoTime() - startNanos > alignedTimeoutNanos)) {
            goUnaligned();
        }
        if (deferred != null) {
            for (int c = 0; c < channels.length; c++) moveOut(c);
            maybeComplete();
        }
    }

    /** Aligned: the channel processed everything before its barrier. */
    private void checkReached(int c) throws Exception {
        if (deferred == null && current >= 0 && !arrived[c] && barrierAt[c] >= 0 && processed(c) >= barrierAt[c]) reached(c);
    }

    /** A newer checkpoint: whatever was in progress is abandoned (it times out at the coordinator). */
    private void start(ControlItem.Barrier b) {
        reset();
        current = b.checkpointId();
        savepoint = b.savepoint();
        startNanos = System.nanoTime();
    }

    /** Aligned: channel {@code c} processed everything before the current checkpoint's barrier. */
    private void reached(int c) throws Exception {
        arrived[c] = true;
        if (exactlyOnce) blocked[c] = true;
        maybeAligned();
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

    /**
     * Snapshots now. What was taken but not processed and lies before a channel's barrier is
     * in flight: the snapshot's state does not hold it.
     */
    private void goUnaligned() throws Exception {
        lastSnapshot = current;
        deferred = snapshots.unaligned(current);
        inFlight = new InFlightData(subtask, parallelism);
        Arrays.fill(blocked, false);
        for (int c = 0; c < channels.length; c++) {
            long index = processed(c);
            boolean ended = false;
            for (Object item : local[c]) {
                if (barrierAt[c] < 0 || index < barrierAt[c]) record(c, item);
                ended |= item instanceof ControlItem.EndOfInput;
                index++;
            }
            arrived[c] = ended || barrierAt[c] >= 0 && taken[c] >= barrierAt[c];
        }
    }

    /** Unaligned: moves the items before channel {@code c}'s barrier out of the channel (each kept as in flight). */
    private void moveOut(int c) {
        while (!arrived[c] && barrierAt[c] >= 0 && take(c)) {
            // take() records the item and notes when the barrier's position is reached
        }
    }

    private void record(int c, Object item) {
        if (item instanceof RecordBatch b) inFlight.add(edgeOf[c], b);
    }

    private void maybeComplete() {
        if (deferred == null) return;
        for (int c = 0; c < channels.length; c++) if (!arrived[c] && !gate.isFinished(c)) return;
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
