package io.runnel.connectors.nexmark;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nexmark generator as a source: events 0..N-1 dealt in strides (split k of P emits k, k+P,
 * ...), each split with its position, each event stamped with its {@code dateTime}. Optionally
 * rate-limited in events per second over all splits; the limiter never blocks. A split resumes
 * from its position in O(1): event i is a pure function of i. After a restore with another
 * parallelism, a reader may hold several strides and merges them in event-number order.
 */
public final class NexmarkSource implements Source<Event, NexmarkSource.Split> {
    private static final long serialVersionUID = 1L;
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
        return new NexmarkReader(perReader);
    }
}
