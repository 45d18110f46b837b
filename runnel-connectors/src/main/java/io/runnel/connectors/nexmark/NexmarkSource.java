package io.runnel.connectors.nexmark;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nexmark generator as a source: events 0..N-1 dealt in strides (split k of P emits k, k+P,
 * ...), each split with its position, each event stamped with its {@code dateTime}. Optionally
 * rate-limited in events per second over all splits; the limiter never blocks.
 */
public final class NexmarkSource implements Source<Event, NexmarkSource.Split> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 256;
    private final long events;
    private final long eventsPerSecond;

    /** One stride of event numbers and the next one to emit. */
    public record Split(int index, int count, long total, long position) implements SourceSplit {
        @Override
        public String splitId() {
            return "nexmark-" + index + "-of-" + count;
        }
    }

    /** {@code eventsPerSecond} 0 means as fast as possible. */
    public NexmarkSource(long events, long eventsPerSecond) {
        if (events < 0) throw new IllegalArgumentException("events must not be negative: " + events);
        if (eventsPerSecond < 0) throw new IllegalArgumentException("events per second must not be negative: " + eventsPerSecond);
        this.events = events;
        this.eventsPerSecond = eventsPerSecond;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Split> createSplits(int parallelism) {
        List<Split> splits = new ArrayList<>();
        for (int k = 0; k < parallelism; k++) splits.add(new Split(k, parallelism, events, k));
        return splits;
    }

    @Override
    public SourceReader<Event, Split> createReader(SourceReaderContext context) {
        double perReader = eventsPerSecond == 0 ? 0 : (double) eventsPerSecond / context.parallelism();
        return new Reader(perReader);
    }

    private static final class Reader implements SourceReader<Event, Split> {
        private final NexmarkGenerator generator = new NexmarkGenerator();
        private final List<StrideCursor> cursors = new ArrayList<>();
        private final double rate;
        private long startNanos;
        private long emitted;
        private int current;

        Reader(double rate) {
            this.rate = rate;
        }

        @Override
        public void addSplits(List<Split> splits) {
            for (Split s : splits) cursors.add(StrideCursor.resume(s.index(), s.count(), s.total(), s.position()));
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Event> output) {
            while (current < cursors.size() && !cursors.get(current).hasNext()) current++;
            if (current >= cursors.size()) return InputStatus.END_OF_INPUT;
            int budget = BATCH;
            if (rate > 0) {
                long now = System.nanoTime();
                if (startNanos == 0) startNanos = now;
                long allowed = (long) ((now - startNanos) / 1e9 * rate) + 1 - emitted;
                if (allowed <= 0) return InputStatus.NOTHING_AVAILABLE;
                budget = (int) Math.min(budget, allowed);
            }
            StrideCursor c = cursors.get(current);
            NexmarkGenerator g = generator;
            for (int n = 0; n < budget && c.hasNext(); n++) {
                Event e = g.event(c.next());
                output.collect(e, e.eventTime());
            }
            emitted += budget;
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            List<Split> out = new ArrayList<>();
            for (StrideCursor c : cursors) out.add(new Split(c.subtask(), c.parallelism(), c.total(), c.position()));
            return out;
        }
    }
}
