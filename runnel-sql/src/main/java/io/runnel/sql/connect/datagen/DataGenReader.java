package io.runnel.sql.connect.datagen;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import io.runnel.connectors.nexmark.StrideCursor;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.List;

/** Makes the rows of its strides, a bounded batch per poll, keeping to its share of the rate. */
final class DataGenReader implements SourceReader<Row, DataGenSource.Split> {
    private static final int BATCH = 256;
    private final FieldGenerator[] fields;
    private final List<StrideCursor> cursors = new ArrayList<>();
    private final double rate;
    private long startNanos;
    private long emitted;

    DataGenReader(FieldGenerator[] fields, double rate) {
        this.fields = fields;
        this.rate = rate;
    }

    @Override
    public void addSplits(List<DataGenSource.Split> splits) {
        for (DataGenSource.Split s : splits) cursors.add(StrideCursor.resume(s.index(), s.count(), s.total(), s.position()));
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Row> output) {
        int budget = budget();
        int n = 0;
        long now = System.currentTimeMillis();
        boolean more = false;
        for (int c = 0; c < cursors.size(); c++) {
            StrideCursor cursor = cursors.get(c);
            for (; n < budget && cursor.hasNext(); n++) {
                long row = cursor.next();
                Object[] values = new Object[fields.length];
                for (int f = 0; f < values.length; f++) values[f] = fields[f].value(row, now);
                output.collect(Row.insert(values));
            }
            more |= cursor.hasNext();
        }
        emitted += n;
        if (!more) return InputStatus.END_OF_INPUT;
        return n == 0 ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    /** Rows allowed now: a batch, or fewer to keep to the rate since the first poll. */
    private int budget() {
        if (rate <= 0) return BATCH;
        long now = System.nanoTime();
        if (startNanos == 0) startNanos = now;
        long allowed = (long) ((now - startNanos) / 1e9 * rate) + 1 - emitted;
        return (int) Math.max(0, Math.min(BATCH, allowed));
    }

    @Override
    public List<DataGenSource.Split> snapshotState(long checkpointId) {
        List<DataGenSource.Split> out = new ArrayList<>();
        for (StrideCursor c : cursors) out.add(new DataGenSource.Split(c.subtask(), c.parallelism(), c.total(), c.position()));
        return out;
    }
}
