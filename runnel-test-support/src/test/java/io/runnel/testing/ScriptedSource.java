package io.runnel.testing;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import java.util.ArrayList;
import java.util.List;

/** A one-split source that emits one timestamped record per poll, so watermarks follow each record. */
final class ScriptedSource<T> implements Source<T, ScriptedSource.Split> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<T> values;
    private final long[] timestamps;

    record Split(int position) implements SourceSplit {
        public String splitId() {
            return "scripted";
        }
    }

    ScriptedSource(List<T> values, long[] timestamps) {
        this.values = new ArrayList<>(values);
        this.timestamps = timestamps;
    }

    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    public List<Split> createSplits(int parallelism) {
        return List.of(new Split(0));
    }

    public SourceReader<T, Split> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            int pos = -1;

            public void addSplits(List<Split> splits) {
                for (Split s : splits) pos = s.position();
            }

            public InputStatus pollNext(ReaderOutput<T> out) {
                if (pos < 0 || pos >= values.size()) return InputStatus.END_OF_INPUT;
                out.collect(values.get(pos), timestamps[pos]);
                pos++;
                return pos >= values.size() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }

            public List<Split> snapshotState(long checkpointId) {
                return List.of(new Split(pos));
            }
        };
    }
}
