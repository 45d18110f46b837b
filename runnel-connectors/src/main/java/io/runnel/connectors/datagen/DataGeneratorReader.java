package io.runnel.connectors.datagen;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the indices of its splits one split after another, within the rate budget if any. The
 * current split's position is a plain field, turned into an {@link IndexSplit} only at a snapshot.
 */
final class DataGeneratorReader<T> implements SourceReader<T, IndexSplit> {
    static final int BATCH = 256;
    private final GeneratorFunction<T> generator;
    private final RateBudget budget;
    private final ArrayDeque<IndexSplit> pending = new ArrayDeque<>();
    private IndexSplit current;
    private long next;

    DataGeneratorReader(GeneratorFunction<T> generator, RateBudget budget) {
        this.generator = generator;
        this.budget = budget;
    }

    @Override
    public void addSplits(List<IndexSplit> added) {
        pending.addAll(added);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (!advanceToUnfinishedSplit(output)) return InputStatus.END_OF_INPUT;
        long n = budget == null ? BATCH : budget.available(BATCH, System.nanoTime());
        if (n == 0) return InputStatus.NOTHING_AVAILABLE;
        ReaderOutput<T> out = output.forSplit(current.splitId());
        long end = current.end();
        int stride = current.stride();
        long emitted = 0;
        for (; emitted < n && next < end; emitted++) {
            out.collect(generator.map(next));
            next = next + stride < next ? end : next + stride; // saturate instead of overflowing
        }
        if (budget != null) budget.consumed(emitted);
        return advanceToUnfinishedSplit(output) ? InputStatus.MORE_AVAILABLE : InputStatus.END_OF_INPUT;
    }

    /** Releases finished splits; false once none is left. */
    private boolean advanceToUnfinishedSplit(ReaderOutput<T> output) {
        while (current == null || next >= current.end()) {
            if (current != null) output.releaseSplit(current.splitId());
            current = pending.poll();
            if (current == null) return false;
            next = current.next();
        }
        return true;
    }

    @Override
    public List<IndexSplit> snapshotState(long checkpointId) {
        List<IndexSplit> splits = new ArrayList<>();
        if (current != null && next < current.end()) splits.add(new IndexSplit(current.id(), next, current.end(), current.stride()));
        splits.addAll(pending);
        return splits;
    }
}
