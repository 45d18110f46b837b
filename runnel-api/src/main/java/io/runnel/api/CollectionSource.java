package io.runnel.api;

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
 * A bounded source over a list held in the job graph: one split, read by one reader, from a
 * recorded position (so it restores exactly).
 */
public final class CollectionSource<T> implements Source<T, CollectionSource.Split> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 256;
    private final ArrayList<T> elements;

    public CollectionSource(List<T> elements) {
        this.elements = new ArrayList<>(elements);
    }

    /** The whole list from {@code position}. */
    public record Split(int position) implements SourceSplit {
        @Override
        public String splitId() {
            return "collection";
        }
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Split> createSplits(int parallelism) {
        return List.of(new Split(0));
    }

    @Override
    public SourceReader<T, Split> createReader(SourceReaderContext context) {
        return new Reader();
    }

    private final class Reader implements SourceReader<T, Split> {
        private int position = -1;

        @Override
        public void addSplits(List<Split> splits) {
            for (Split s : splits) position = s.position();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<T> output) {
            if (position < 0) return InputStatus.END_OF_INPUT;
            int end = Math.min(elements.size(), position + BATCH);
            for (; position < end; position++) output.collect(elements.get(position));
            return position >= elements.size() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return position < 0 ? List.of() : List.of(new Split(position));
        }
    }
}
