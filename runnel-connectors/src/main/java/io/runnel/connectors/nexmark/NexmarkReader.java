package io.runnel.connectors.nexmark;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the strides of its splits (one, unless restored with another parallelism) merged in
 * event-number order, which is event-time order: a reader holding several strides after a
 * rescale still emits in order, so monotonous watermarks make none of its events late.
 */
final class NexmarkReader implements SourceReader<Event, NexmarkSource.Split> {
    private static final int BATCH = 256;
    private final NexmarkGenerator generator = new NexmarkGenerator();
    private final List<StrideCursor> cursors = new ArrayList<>();
    private final double rate;
    private long startNanos;
    private long emitted;

    NexmarkReader(double rate) {
        this.rate = rate;
    }

    @Override
    public void addSplits(List<NexmarkSource.Split> splits) {
        for (NexmarkSource.Split s : splits) cursors.add(StrideCursor.resume(s.index(), s.count(), s.total(), s.position()));
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Event> output) {
        StrideCursor c = earliest(null);
        if (c == null) return InputStatus.END_OF_INPUT;
        int budget = budget();
        if (budget == 0) return InputStatus.NOTHING_AVAILABLE;
        NexmarkGenerator g = generator;
        int n = 0;
        while (c != null && n < budget) {
            // Emit from c until another cursor's next event comes first; with one cursor, the whole batch.
            StrideCursor other = earliest(c);
            long bound = other == null ? Long.MAX_VALUE : other.position();
            for (; n < budget && c.hasNext() && c.position() < bound; n++) {
                Event e = g.event(c.next());
                output.collect(e, e.eventTime());
            }
            c = earliest(null);
        }
        emitted += n;
        return c == null ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    /** The unfinished cursor with the smallest next event number, other than {@code except}; null if none. */
    private StrideCursor earliest(StrideCursor except) {
        StrideCursor best = null;
        for (int i = 0; i < cursors.size(); i++) {
            StrideCursor c = cursors.get(i);
            if (c != except && c.hasNext() && (best == null || c.position() < best.position())) best = c;
        }
        return best;
    }

    /** Events allowed now: a batch, or fewer to keep to the rate since the first poll. */
    private int budget() {
        if (rate <= 0) return BATCH;
        long now = System.nanoTime();
        if (startNanos == 0) startNanos = now;
        long allowed = (long) ((now - startNanos) / 1e9 * rate) + 1 - emitted;
        return (int) Math.max(0, Math.min(BATCH, allowed));
    }

    @Override
    public List<NexmarkSource.Split> snapshotState(long checkpointId) {
        List<NexmarkSource.Split> out = new ArrayList<>();
        for (StrideCursor c : cursors) out.add(new NexmarkSource.Split(c.subtask(), c.parallelism(), c.total(), c.position()));
        return out;
    }
}
