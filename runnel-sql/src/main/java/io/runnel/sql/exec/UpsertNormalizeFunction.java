package io.runnel.sql.exec;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.Arrays;

/**
 * Turns an upsert stream (each row the new version of its key's row, a delete naming only the key) into the
 * retracting changelog every updating operator takes, as Flink's ChangelogNormalize: it keeps each key's last row,
 * and emits an insert for a new key, an update-before of the old row and an update-after of the new one for a
 * changed key (nothing when the row is unchanged), and a delete of the whole old row for a delete; a delete of an
 * unknown key is dropped. Its state is one row per live key (expired by {@code table.exec.state.ttl} when set).
 */
public final class UpsertNormalizeFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final StateTtlConfig ttl;
    private transient ValueState<Object[]> last;

    public UpsertNormalizeFunction(StateTtlConfig ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(RuntimeContext context) {
        ValueStateDescriptor<Object[]> d = new ValueStateDescriptor<>("upsert-last-row");
        if (ttl.enabled()) {
            d.enableTimeToLive(ttl);
        }
        last = context.getState(d);
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        Object[] before = last.value();
        if (row.kind() == RowKind.DELETE || row.kind() == RowKind.UPDATE_BEFORE) {
            if (before != null) {
                last.clear();
                out.collect(new Row(RowKind.DELETE, before));
            }
            return;
        }
        Object[] after = row.fields();
        if (before == null) {
            last.update(after);
            out.collect(new Row(RowKind.INSERT, after));
        } else if (!Arrays.deepEquals(before, after)) {
            last.update(after);
            out.collect(new Row(RowKind.UPDATE_BEFORE, before));
            out.collect(new Row(RowKind.UPDATE_AFTER, after));
        }
    }
}
