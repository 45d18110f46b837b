package io.runnel.sql.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Spark's {@code groupBy(...)}: keys, at most one of them a grouping window. A window becomes the planner's window
 * table function over the frame, grouped by {@code window_start, window_end} and the other keys; the result has those
 * two columns (Spark's {@code window.start} and {@code window.end}) first, then the keys, then the aggregates, and emits
 * each window once when the watermark passes its end. Without a window the result is an updating changelog.
 */
public final class GroupedData {
    private final DataFrame input;
    private final List<Column> keys;

    GroupedData(DataFrame input, List<Column> keys) {
        this.input = input;
        this.keys = keys;
    }

    public DataFrame agg(Column... aggregates) {
        if (aggregates.length == 0) {
            throw new IllegalArgumentException("agg: name at least one aggregate, e.g. count(\"*\")");
        }
        List<Column> aggs = List.of(aggregates);
        aggs.forEach(a -> a.checkNotWindow("agg"));
        List<WindowSpec> windows = keys.stream().filter(k -> k.window != null).map(k -> k.window).toList();
        if (windows.size() > 1) {
            throw new IllegalArgumentException("groupBy: at most one window, not " + windows);
        }
        List<Column> plain = keys.stream().filter(k -> k.window == null).toList();
        WindowSpec window = windows.isEmpty() ? null : windows.get(0);
        return input.derive(null, () -> window == null ? grouped(plain, aggs) : windowed(window, plain, aggs));
    }

    /** {@code groupBy(...).count()}: a column {@code count}, as Spark's. */
    public DataFrame count() {
        return agg(functions.count("*").as("count"));
    }

    public DataFrame sum(String... columns) {
        return each("sum", columns, functions::sum);
    }

    public DataFrame avg(String... columns) {
        return each("avg", columns, functions::avg);
    }

    public DataFrame mean(String... columns) {
        return avg(columns);
    }

    public DataFrame min(String... columns) {
        return each("min", columns, functions::min);
    }

    public DataFrame max(String... columns) {
        return each("max", columns, functions::max);
    }

    private DataFrame each(String op, String[] columns, java.util.function.Function<String, Column> fn) {
        if (columns.length == 0) {
            throw new IllegalArgumentException(op + ": name the columns to aggregate");
        }
        return agg(Arrays.stream(columns).map(fn).toArray(Column[]::new));
    }

    private String grouped(List<Column> plain, List<Column> aggs) {
        String select = "SELECT " + items(plain, aggs) + " FROM " + input.from();
        return plain.isEmpty() ? select : select + " GROUP BY " + plain.stream().map(c -> c.sql).collect(Collectors.joining(", "));
    }

    private String windowed(WindowSpec window, List<Column> plain, List<Column> aggs) {
        checkTimeColumn(window);
        List<String> sessionKeys = new ArrayList<>();
        if (window.kind() == WindowSpec.Kind.SESSION) {
            for (Column k : plain) {
                if (k.reference == null) {
                    throw new IllegalArgumentException("groupBy(session_window(...), ...): the other keys must be columns of the frame,"
                            + " not " + k.sql + " (the session table function is partitioned by them)");
                }
                sessionKeys.add(k.reference);
            }
        }
        String keyList = plain.stream().map(c -> ", " + c.sql).collect(Collectors.joining());
        return "SELECT `window_start`, `window_end`" + (plain.isEmpty() && aggs.isEmpty() ? "" : ", ") + items(plain, aggs)
                + " FROM " + window.tableFunction(input.subquery(), sessionKeys) + " AS " + Names.quote(input.alias)
                + " GROUP BY `window_start`, `window_end`" + keyList;
    }

    /** Calcite's message for a window over a column that is not a timestamp does not name it; this does. */
    private void checkTimeColumn(WindowSpec window) {
        FrameSchema.Field time = input.schema().fields().stream().filter(f -> f.name().equals(window.timeColumn())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(window + ": the frame has no column " + Names.quote(window.timeColumn())
                        + "; its columns are " + input.columns()));
        if (!time.type().startsWith("TIMESTAMP")) {
            throw new IllegalArgumentException(window + ": column " + Names.quote(time.name()) + " is " + time.type()
                    + ", not a time attribute (a TIMESTAMP column with a watermark: withWatermark(\"" + time.name() + "\", delay))");
        }
    }

    private static String items(List<Column> plain, List<Column> aggs) {
        List<String> out = new ArrayList<>();
        plain.forEach(c -> out.add(c.selectItem()));
        aggs.forEach(c -> out.add(c.selectItem()));
        return String.join(", ", out);
    }
}
