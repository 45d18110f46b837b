package io.runnel.sql.connect.datagen;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows 0..N-1 of a datagen table dealt in strides (split k of P makes rows k, k+P, ...), each
 * split checkpointed as its next row number. The rate is over all splits, and never blocks.
 */
final class DataGenSource implements Source<Row, DataGenSource.Split> {
    private static final long serialVersionUID = 1L;
    private final FieldGenerator[] fields;
    private final long rows;
    private final long rowsPerSecond;

    /** One stride of row numbers and the next one to make. */
    record Split(int index, int count, long total, long position) implements SourceSplit {
        @Override
        public String splitId() {
            return "datagen-" + index + "-of-" + count;
        }
    }

    /** {@code rows} {@link Long#MAX_VALUE} for an endless table; {@code rowsPerSecond} 0 for no limit. */
    DataGenSource(FieldGenerator[] fields, long rows, long rowsPerSecond) {
        this.fields = fields;
        this.rows = rows;
        this.rowsPerSecond = rowsPerSecond;
    }

    @Override
    public Boundedness boundedness() {
        return rows == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public List<Split> createSplits(int parallelism) {
        List<Split> splits = new ArrayList<>();
        for (int k = 0; k < parallelism; k++) splits.add(new Split(k, parallelism, rows, k));
        return splits;
    }

    @Override
    public SourceReader<Row, Split> createReader(SourceReaderContext context) {
        return new DataGenReader(fields, rowsPerSecond == 0 ? 0 : (double) rowsPerSecond / context.parallelism());
    }
}
