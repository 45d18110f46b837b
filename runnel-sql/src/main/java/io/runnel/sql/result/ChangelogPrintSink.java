package io.runnel.sql.result;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.sql.data.Row;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A query's changelog on standard output as Flink prints it: {@code +I[1, Alice, 2024-01-01T00:00:01]}, one line per
 * row, {@code -U}/{@code +U}/{@code -D} for updates and deletes; TIMESTAMP columns as UTC date-times.
 */
public final class ChangelogPrintSink implements Sink<Row> {
    private static final long serialVersionUID = 1L;
    private final boolean[] timestamp;
    private final String prefix;

    public ChangelogPrintSink(RelDataType rowType) {
        this(rowType, null);
    }

    /** {@code identifier}: printed before each row as {@code identifier> }, or null. */
    public ChangelogPrintSink(RelDataType rowType, String identifier) {
        this.prefix = identifier == null ? "" : identifier + "> ";
        timestamp = new boolean[rowType.getFieldCount()];
        for (int i = 0; i < timestamp.length; i++) {
            SqlTypeName t = rowType.getFieldList().get(i).getType().getSqlTypeName();
            timestamp[i] = t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
        }
    }

    @Override
    public SinkWriter<Row> createWriter(SinkContext context) {
        PrintStream out = System.out;
        return (row, ts) -> {
            String line = format(row);
            synchronized (out) {
                out.println(line);
            }
        };
    }

    String format(Row row) {
        StringBuilder sb = new StringBuilder(prefix).append(row.kind().shortString()).append('[');
        Object[] f = row.fields();
        for (int i = 0; i < f.length; i++) {
            sb.append(i == 0 ? "" : ", ");
            if (f[i] != null && timestamp[i]) {
                sb.append(LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) f[i]), ZoneOffset.UTC));
            } else {
                sb.append(f[i] instanceof Object[] nested ? java.util.Arrays.deepToString(nested) : f[i]);
            }
        }
        return sb.append(']').toString();
    }
}
