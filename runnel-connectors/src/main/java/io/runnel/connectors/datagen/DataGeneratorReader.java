package io.runnel.connectors.datagen;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Emits the indices of its splits one split after another, within the rate budget if any. */
final class DataGeneratorReader<T> implements SourceReader<T, IndexSplit> {
    static final int BATCH = 256;
    private final GeneratorFunction<T> generator;
    private final RateBudget budget;
    private final ArrayDeque<IndexSplit> splits = new ArrayDeque<>();

    DataGeneratorReader(GeneratorFunction<T> generator, RateBudget budget) {
        this.generator = generator;
        this.budget = budget;
    }

    @Override
    public void addSplits(List<IndexSplit> added) {
        splits.addAll(added);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        dropFinished(output);
        if (splits.isEmpty()) return InputStatus.END_OF_INPUT;
        long n = budget == null ? BATCH : budget.available(BATCH, System.nanoTime());
        if (n == 0) return InputStatus.NOTHING_AVAILABLE;
        IndexSplit split = splits.peekFirst();
        ReaderOutput<T> out = output.forSplit(split.splitId());
        long emitted = 0;
        for (; emitted < n && !split.isDone(); emitted++) {
            out.collect(generator.map(split.next()));
            split = split.advance();
        }
        splits.pollFirst();
        splits.addFirst(split);
        if (budget != null) budget.consumed(emitted);
        dropFinished(output);
        return splits.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    private void dropFinished(ReaderOutput<T> output) {
        while (!splits.isEmpty() && splits.peekFirst().isDone()) output.releaseSplit(splits.pollFirst().splitId());
    }

    @Override
    public List<IndexSplit> snapshotState(long checkpointId) {
        return new ArrayList<>(splits);
    }
}
