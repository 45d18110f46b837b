package io.runnel.connectors.socket;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Emits what its {@link SocketLineFetcher} has read so far; a reader without a split ends at once. */
final class SocketTextReader implements SourceReader<String, SocketSplit> {
    static final int BATCH = 256;
    private final int queueCapacity;
    private final int connectTimeoutMillis;
    private final List<String> batch = new ArrayList<>(BATCH);
    private SocketSplit split;
    private SocketLineFetcher fetcher;
    private long linesRead;

    SocketTextReader(int queueCapacity, int connectTimeoutMillis) {
        this.queueCapacity = queueCapacity;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public void addSplits(List<SocketSplit> splits) {
        for (SocketSplit s : splits) {
            if (fetcher != null) throw new IllegalStateException("a socket reader reads one split, got a second: " + s);
            split = s;
            linesRead = s.linesRead();
            fetcher = new SocketLineFetcher(s.host(), s.port(), queueCapacity, connectTimeoutMillis);
            fetcher.start();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
        if (fetcher == null) return InputStatus.END_OF_INPUT;
        batch.clear();
        boolean more = fetcher.drainTo(batch, BATCH);
        for (String line : batch) output.collect(line);
        linesRead += batch.size();
        if (!more) {
            output.releaseSplit(split.splitId());
            return InputStatus.END_OF_INPUT;
        }
        return batch.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<SocketSplit> snapshotState(long checkpointId) {
        return split == null ? List.of() : List.of(new SocketSplit(split.host(), split.port(), linesRead));
    }

    @Override
    public void close() throws IOException {
        if (fetcher != null) fetcher.close();
    }
}
