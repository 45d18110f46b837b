package io.runnel.connectors.datagen;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the indices of its splits within the rate budget if any. A reader holds one split, unless
 * restored with another parallelism; then it merges its splits in index order, as the original
 * readers advanced together, so a generator whose event time grows with the index stays in order.
 * Every split is announced at the first poll, so none is late to hold the watermark back.
 */
final class DataGeneratorReader<T> implements SourceReader<T, IndexSplit> {
    static final int BATCH = 256;
    private final GeneratorFunction<T> generator;
    private final RateBudget budget;
    private final List<IndexCursor> cursors = new ArrayList<>();

    DataGeneratorReader(GeneratorFunction<T> generator, RateBudget budget) {
        this.generator = generator;
        this.budget = budget;
    }

    @Override
    public void addSplits(List<IndexSplit> added) {
        for (IndexSplit s : added) cursors.add(new IndexCursor(s));
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        announceAndRelease(output);
        IndexCursor c = earliest(null);
        if (c == null) return InputStatus.END_OF_INPUT;
        long n = budget == null ? BATCH : budget.available(BATCH, System.nanoTime());
        if (n == 0) return InputStatus.NOTHING_AVAILABLE;
        long emitted = 0;
        while (c != null && emitted < n) {
            // Emit from c until another split's next index comes first; with one split, the whole batch.
            IndexCursor other = earliest(c);
            long bound = other == null ? Long.MAX_VALUE : other.next;
            ReaderOutput<T> out = output.forSplit(c.split.splitId());
            for (; emitted < n && !c.isDone() && c.next < bound; emitted++) {
                out.collect(generator.map(c.next));
                c.advance();
            }
            c = earliest(null);
        }
        if (budget != null) budget.consumed(emitted);
        announceAndRelease(output);
        return earliest(null) == null ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    /** Announces new splits (so they hold the watermark back from the start) and releases finished ones. */
    private void announceAndRelease(ReaderOutput<T> output) {
        for (IndexCursor c : cursors) {
            if (!c.announced) {
                output.forSplit(c.split.splitId());
                c.announced = true;
            }
            if (c.isDone() && !c.released) {
                output.releaseSplit(c.split.splitId());
                c.released = true;
            }
        }
    }

    /** The unfinished split with the smallest next index, other than {@code except}; null if none. */
    private IndexCursor earliest(IndexCursor except) {
        IndexCursor best = null;
        for (int i = 0; i < cursors.size(); i++) {
            IndexCursor c = cursors.get(i);
            if (c != except && !c.isDone() && (best == null || c.next < best.next)) best = c;
        }
        return best;
    }

    @Override
    public List<IndexSplit> snapshotState(long checkpointId) {
        List<IndexSplit> splits = new ArrayList<>();
        for (IndexCursor c : cursors) {
            if (!c.isDone()) splits.add(new IndexSplit(c.split.id(), c.next, c.split.end(), c.split.stride()));
        }
        return splits;
    }

    /** A split's position as a plain field, turned into an {@link IndexSplit} only at a snapshot. */
    private static final class IndexCursor {
        final IndexSplit split;
        long next;
        boolean announced;
        boolean released;

        IndexCursor(IndexSplit split) {
            this.split = split;
            this.next = split.next();
        }

        boolean isDone() {
            return next >= split.end();
        }

        void advance() {
            long end = split.end();
            next = next + split.stride() < next ? end : next + split.stride(); // saturate instead of overflowing
        }
    }
}
