package io.runnel.runtime.channel;

import io.runnel.runtime.operators.Output;
import io.runnel.api.OutputTag;
import java.util.ArrayDeque;

/**
 * The producer side of one edge for one subtask: appends records to a batch per consumer channel,
 * hands full batches to the channel, and keeps what a full channel refused as pending. The task
 * stops taking input while anything is pending, so at most one input batch's output overshoots.
 */
public final class ChannelWriter implements Output<Object> {
    private final Channel[] channels;
    private final RecordBatch[] open;
    private final ArrayDeque<Object>[] pending;
    /** Barriers a full priority lane refused, per channel. */
    private final ArrayDeque<ControlItem.Barrier>[] pendingBarriers;
    /** Items handed to each channel's main lane so far (sent or pending): a barrier's position. */
    private final long[] produced;
    private final Partitioner partitioner;
    /** The partitioner when the edge is keyed (and has more than one channel), else null. */
    private final KeyPartitioner keyed;
    private final int batchSize;
    private int pendingCount;

    @SuppressWarnings("unchecked")
    public ChannelWriter(Channel[] channels, Partitioner partitioner, int batchSize) {
        this.channels = channels;
        this.partitioner = partitioner;
        this.keyed = channels.length > 1 && partitioner instanceof KeyPartitioner k ? k : null;
        this.batchSize = batchSize;
        this.open = new RecordBatch[channels.length];
        this.pending = new ArrayDeque[channels.length];
        this.pendingBarriers = new ArrayDeque[channels.length];
        this.produced = new long[channels.length];
        for (int i = 0; i < channels.length; i++) {
            pending[i] = new ArrayDeque<>();
            pendingBarriers[i] = new ArrayDeque<>();
        }
    }

    @Override
    public void collect(Object record, long timestamp) {
        if (keyed != null) {
            collectKeyed(record, timestamp);
            return;
        }
        int c;
        try {
            c = channels.length == 1 ? 0 : partitioner.select(record, channels.length);
        } catch (Exception e) {
            throw new IllegalStateException("could not select the channel of a record (key selector failed): " + e, e);
        }
        if (c == Partitioner.ALL) {
            for (int i = 0; i < channels.length; i++) append(i, record, timestamp);
        } else {
            append(c, record, timestamp);
        }
    }

    private void collectKeyed(Object record, long timestamp) {
        Object key;
        try {
            key = keyed.keyOf(record);
        } catch (Exception e) {
            throw new IllegalStateException("could not select the channel of a record (key selector failed): " + e, e);
        }
        int kg = keyed.keyGroupOf(key);
        int c = keyed.channelOf(kg, channels.length);
        RecordBatch b = open[c];
        if (b == null) b = open[c] = new RecordBatch(batchSize, true);
        if (b.add(record, timestamp, key, kg)) {
            open[c] = null;
            send(c, b);
        }
    }

    private void append(int c, Object record, long timestamp) {
        RecordBatch b = open[c];
        if (b == null) b = open[c] = new RecordBatch(batchSize);
        if (b.add(record, timestamp)) {
            open[c] = null;
            send(c, b);
        }
    }

    private void send(int c, Object item) {
        produced[c]++;
        // an item must not become visible before a barrier emitted ahead of it (the consumer
        // learns of a barrier at the latest when it sees the next item)
        if (pending[c].isEmpty() && pendingBarriers[c].isEmpty() && channels[c].offer(item)) return;
        pending[c].add(item);
        pendingCount++;
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
        // a channel writer carries one stream; side outputs are routed before it
    }

    @Override
    public void emitWatermark(long watermark) {
        broadcastControl(new ControlItem.Watermark(watermark));
    }

    @Override
    public void emitIdle(boolean idle) {
        broadcastControl(idle ? ControlItem.Idle.IDLE : ControlItem.Idle.ACTIVE);
    }

    /**
     * Sends the barrier on every channel's priority lane, placed after everything emitted so far
     * (the open batch is closed first, so the position counts it).
     */
    public void emitBarrier(ControlItem.Barrier barrier) {
        for (int c = 0; c < channels.length; c++) {
            flushOpen(c);
            ControlItem.Barrier placed = barrier.at(produced[c]);
            if (pendingBarriers[c].isEmpty() && channels[c].offerPriority(placed)) continue;
            pendingBarriers[c].add(placed);
            pendingCount++;
        }
    }

    public void emitEndOfInput() {
        broadcastControl(ControlItem.EndOfInput.INSTANCE);
    }

    private void broadcastControl(ControlItem item) {
        for (int c = 0; c < channels.length; c++) {
            flushOpen(c);
            send(c, item);
        }
    }

    private void flushOpen(int c) {
        RecordBatch b = open[c];
        if (b != null && !b.isEmpty()) {
            open[c] = null;
            send(c, b);
        }
    }

    /** Sends partly filled batches (the input went quiet, or the buffer timeout passed). */
    public void flushPartial() {
        for (int c = 0; c < channels.length; c++) flushOpen(c);
    }

    /** Retries pending items in order; true when nothing is pending any more. */
    public boolean tryFlushPending() {
        if (pendingCount == 0) return true;
        for (int c = 0; c < channels.length; c++) {
            ArrayDeque<ControlItem.Barrier> bq = pendingBarriers[c];
            while (!bq.isEmpty() && channels[c].offerPriority(bq.peekFirst())) {
                bq.pollFirst();
                pendingCount--;
            }
            ArrayDeque<Object> q = pending[c];
            while (bq.isEmpty() && !q.isEmpty() && channels[c].offer(q.peekFirst())) {
                q.pollFirst();
                pendingCount--;
            }
        }
        return pendingCount == 0;
    }

    public boolean hasPending() {
        return pendingCount > 0;
    }
}
