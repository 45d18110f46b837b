package io.runnel.sql.result;

import io.runnel.sql.data.RowFields;
import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.FunctionSnapshotContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.sql.data.Row;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An updating result written as the table it leaves: inserts and update-afters add a row, update-befores and
 * deletes remove one, and when the input ends the rows still standing are written as JSON lines to
 * {@code part-0.jsonl} (atomically: a hidden file renamed). Run it at parallelism 1: every change of a row comes
 * from the one upstream subtask that owns the row's key, so one folding instance sees a row's changes in order.
 * The folded table is operator state, so a restored job continues from it.
 */
public final class FinalTableSink implements Sink<Row> {
    private static final long serialVersionUID = 1L;
    private final String dir; // a Path is not serializable
    private final RowJsonFormatter formatter;

    public FinalTableSink(Path dir, RowJsonFormatter formatter) {
        this.dir = dir.toString();
        this.formatter = formatter;
    }

    @Override
    public SinkWriter<Row> createWriter(SinkContext context) {
        return new Writer();
    }


    private final class Writer implements SinkWriter<Row>, CheckpointedFunction {
        private final Map<RowFields, long[]> table = new LinkedHashMap<>();
        private ListState<Object[]> state;

        @Override
        public void write(Row row, long timestamp) {
            RowFields key = new RowFields(row.fields());
            if (row.kind().accumulates()) {
                table.computeIfAbsent(key, k -> new long[1])[0]++;
                return;
            }
            long[] n = table.get(key);
            if (n == null) {
                throw new IllegalStateException("the result retracts a row it never emitted: " + row);
            }
            if (--n[0] == 0) {
                table.remove(key);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws Exception {
            if (!endOfInput) {
                return;
            }
            Path folder = Path.of(dir);
            Files.createDirectories(folder);
            Path tmp = folder.resolve(".part-0.jsonl.inprogress");
            try (BufferedWriter out = Files.newBufferedWriter(tmp)) {
                for (Map.Entry<RowFields, long[]> e : table.entrySet()) {
                    String line = formatter.format(Row.insert(e.getKey().values()));
                    for (long i = 0; i < e.getValue()[0]; i++) {
                        out.write(line);
                        out.write('\n');
                    }
                }
            }
            Files.move(tmp, folder.resolve("part-0.jsonl"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            List<Object[]> rows = new ArrayList<>(table.size());
            table.forEach((k, n) -> rows.add(new Object[] {k.values(), n[0]}));
            state.update(rows);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("final-table"));
            if (context.isRestored()) {
                for (Object[] e : state.get()) {
                    table.put(new RowFields((Object[]) e[0]), new long[] {(Long) e[1]});
                }
            }
        }
    }
}
