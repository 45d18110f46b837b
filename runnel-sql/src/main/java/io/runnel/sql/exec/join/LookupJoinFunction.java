package io.runnel.sql.exec.join;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.sql.connect.LookupSource;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.CompiledCalc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lookup join ({@code JOIN t FOR SYSTEM_TIME AS OF proctime}): each row of the stream is joined
 * with the rows of the looked-up table as they are when it passes. The table is loaded whole into a
 * hash index on its equality keys in each parallel instance, and loaded again once its reload
 * interval has passed; the stream side keeps no state. Per row: one key, one hash probe, and the
 * residual condition on each candidate. A left join pads a row without matches with nulls.
 */
public final class LookupJoinFunction implements FlatMapFunction<Row, Row>, RichFunction {
    private static final long serialVersionUID = 1L;
    private final LookupSource table;
    private final CompiledCalc probeKey;
    private final CompiledCalc tableKey;
    private final CompiledCalc joined;
    private final CompiledCalc padded;
    private final int leftArity;
    private final int rightArity;
    private final boolean left;
    private transient Map<List<Object>, List<Object[]>> index;
    private transient long loadedAt;
    private transient long reloadMillis;
    /** A stream row followed by a table row, reused: the projections copy what they keep. */
    private transient Object[] both;

    /**
     * {@code probeKey} projects a stream row to its key, {@code tableKey} a table row to its;
     * {@code joined} filters and projects a stream row followed by a table row, {@code padded} projects one
     * followed by nulls ({@code left} only).
     */
    public LookupJoinFunction(LookupSource table, CompiledCalc probeKey, CompiledCalc tableKey, CompiledCalc joined,
                              CompiledCalc padded, int leftArity, int rightArity, boolean left) {
        this.table = table;
        this.probeKey = probeKey;
        this.tableKey = tableKey;
        this.joined = joined;
        this.padded = padded;
        this.leftArity = leftArity;
        this.rightArity = rightArity;
        this.left = left;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        probeKey.open(context);
        tableKey.open(context);
        joined.open(context);
        if (padded != null) {
            padded.open(context);
        }
        reloadMillis = Math.max(1, table.reloadInterval().toMillis());
        both = new Object[leftArity + rightArity];
        load();
    }

    private void load() throws Exception {
        Map<List<Object>, List<Object[]>> next = new HashMap<>();
        for (Row r : table.loadAll()) {
            next.computeIfAbsent(Arrays.asList(tableKey.project(r.fields())), k -> new ArrayList<>(1)).add(r.fields());
        }
        index = next;
        loadedAt = System.currentTimeMillis();
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) throws Exception {
        if (System.currentTimeMillis() - loadedAt >= reloadMillis) {
            load();
        }
        Object[] l = row.fields();
        List<Object[]> candidates = index.get(Arrays.asList(probeKey.project(l)));
        boolean matched = false;
        System.arraycopy(l, 0, both, 0, leftArity);
        if (candidates != null) {
            for (Object[] r : candidates) {
                System.arraycopy(r, 0, both, leftArity, rightArity);
                if (joined.test(both)) {
                    out.collect(new Row(row.kind(), joined.project(both)));
                    matched = true;
                }
            }
        }
        if (!matched && left) {
            Arrays.fill(both, leftArity, both.length, null);
            out.collect(new Row(row.kind(), padded.project(both)));
        }
    }

    @Override
    public void close() throws Exception {
        index = null;
    }
}
