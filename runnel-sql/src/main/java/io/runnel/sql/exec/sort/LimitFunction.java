package io.runnel.sql.exec.sort;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.GroupKey;

/**
 * {@code LIMIT n [OFFSET m]} without ORDER BY over an insert-only stream, as Flink's: all rows on one key, the count so
 * far in keyed state (so a restored job goes on counting), rows m+1 .. m+n passed and the rest dropped.
 */
public final class LimitFunction extends KeyedProcessFunction<GroupKey, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final long fetch;
    private transient ValueState<Long> seen;

    /** {@code fetch} &lt; 0: no limit (OFFSET alone). */
    public LimitFunction(long offset, long fetch) {
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public void open(RuntimeContext context) {
        seen = context.getState(new ValueStateDescriptor<>("limit-seen"));
    }

    @Override
    public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
        Long before = seen.value();
        long n = before == null ? 0 : before;
        if (fetch >= 0 && n >= offset + fetch) {
            return; // the limit is reached: nothing more can pass
        }
        seen.update(n + 1);
        if (n >= offset) {
            out.collect(row);
        }
    }
}
