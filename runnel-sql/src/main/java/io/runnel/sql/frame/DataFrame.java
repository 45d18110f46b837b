package io.runnel.sql.frame;

import io.runnel.api.DataStream;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.data.Row;
import io.runnel.sql.StreamWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A relational query over a {@link StreamingSession}'s catalog, in Spark's DataFrame shape. Each operation returns a
 * new frame whose query nests this one's as a subquery; the text is rendered when first needed ({@link #sql()}) and
 * planned only when the frame is written, explained or asked for its columns, by the same planner as SQL.
 *
 * <p>A frame has an alias, the qualifier of {@link #col(String)}: a table's name, a source's generated name, or what
 * {@link #as(String)} gives it. Frames derived by select, where and the like keep their input's alias, so
 * {@code df.where(...).select(df.col("x"))} resolves as in Spark; the two sides of a join keep theirs for the join's
 * condition and the operations right after it.
 */
public final class DataFrame {
    final StreamingSession session;
    final String alias;
    /** The table this frame reads unchanged, when the session declared it (readStream, read): withWatermark re-declares it. */
    final TableDef source;
    final Watermark watermark;
    private final Supplier<String> render;
    /** What follows FROM for an operation over this frame; null: the query in parentheses, with the alias. */
    private final Supplier<String> fromClause;
    private String sql;

    private DataFrame(StreamingSession session, String alias, TableDef source, Watermark watermark, Supplier<String> render,
                      Supplier<String> fromClause) {
        this.session = session;
        this.alias = alias;
        this.source = source;
        this.watermark = watermark;
        this.render = render;
        this.fromClause = fromClause;
    }

    static DataFrame ofTable(StreamingSession session, String table, TableDef source, Watermark watermark) {
        String text = "SELECT * FROM " + Names.quote(table);
        return new DataFrame(session, table, source, watermark, () -> text, null);
    }

    static DataFrame ofQuery(StreamingSession session, String alias, String select) {
        return new DataFrame(session, alias, null, null, () -> select, null);
    }

    /** A frame over this one's: the same alias, no source table, {@code watermark} if the query keeps it. */
    DataFrame derive(Watermark watermark, Supplier<String> render) {
        return new DataFrame(session, alias, null, watermark, render, null);
    }

    /** The frame's query in Flink's SQL dialect: what {@link #writeStream()} hands the planner. */
    public String sql() {
        if (sql == null) {
            sql = render.get();
        }
        return sql;
    }

    String from() {
        return fromClause != null ? fromClause.get() : "(" + subquery() + ") AS " + Names.quote(alias);
    }

    /**
     * The query, to nest in another. SQL drops the ORDER BY of a subquery, so a sorted frame without a limit must be
     * the last operation: refused rather than silently unordered.
     */
    String subquery() {
        if (sorted != null) {
            throw new IllegalArgumentException("orderBy(" + sorted.order + ") must be the frame's last operation, or be followed by"
                    + " limit(n): SQL drops the order of a subquery");
        }
        return sql();
    }

    private String selectFrom(String items) {
        return "SELECT " + items + " FROM " + from();
    }

    // ---- columns and plans

    /** Column {@code name} of this frame, qualified by its alias: for join conditions between frames. */
    public Column col(String name) {
        return new Column(Names.quote(alias) + "." + Names.quote(name), name, name, null);
    }

    /** The columns with their SQL types, as the planner derives them. */
    public FrameSchema schema() {
        return session.schemaOf(sql());
    }

    public List<String> columns() {
        return schema().names();
    }

    /** The planner's EXPLAIN: the optimized relational tree, then the operators it runs as. */
    public String explain() {
        return session.sqlEnvironment().explain(sql());
    }

    /** Spark's writeStream: output mode, trigger and sink for this frame's query. */
    public StreamWriter writeStream() {
        return StreamWriter.of(session.sqlEnvironment(), sql());
    }

    /** The rows as a changelog on the session's job (inserts, update-before/after, deletes). */
    public DataStream<Row> toChangelogStream() {
        return session.sqlEnvironment().toChangelogStream(sql());
    }

    /** The rows of an insert-only frame on the session's job; an updating one is refused, naming the operator. */
    public DataStream<Row> toDataStream() {
        return session.sqlEnvironment().toDataStream(sql());
    }

    /** Names this frame's query as a temporary view of the catalog, for SQL and {@link StreamingSession#table}. */
    public void createTempView(String name) {
        session.sqlEnvironment().createView(name, List.of(), sql());
    }

    // ---- projections and filters

    public DataFrame select(String column, String... more) {
        return select(columns(column, more));
    }

    public DataFrame select(Column... columns) {
        List<Column> cs = nonEmpty("select", columns);
        cs.forEach(c -> c.checkNotWindow("select"));
        boolean keepsTime = watermark != null && cs.stream().anyMatch(c -> c.sql.equals("*")
                || (watermark.column().equals(c.reference) && watermark.column().equals(c.name)));
        String items = cs.stream().map(Column::selectItem).collect(Collectors.joining(", "));
        return derive(keepsTime ? watermark : null, () -> selectFrom(items));
    }

    /** SELECT items as SQL text: {@code "amount * 2 AS doubled"}, {@code "*"}. */
    public DataFrame selectExpr(String... expressions) {
        List<String> es = nonEmpty("selectExpr", expressions);
        return derive(null, () -> selectFrom(String.join(", ", es)));
    }

    public DataFrame where(Column condition) {
        condition.checkNotWindow("where");
        return derive(watermark, () -> selectFrom("*") + " WHERE " + condition.sql);
    }

    /** A condition in SQL: {@code "amount > 10 AND product = 'apple'"}. */
    public DataFrame where(String condition) {
        return where(functions.expr(condition));
    }

    public DataFrame filter(Column condition) {
        return where(condition);
    }

    public DataFrame filter(String condition) {
        return where(condition);
    }

    /** Adds column {@code name}, or replaces the column of that name in place. */
    public DataFrame withColumn(String name, Column value) {
        value.checkNotWindow("withColumn");
        boolean replacesTime = watermark != null && watermark.column().equals(name);
        return derive(replacesTime ? null : watermark, () -> {
            List<String> cols = columns();
            String item = value.sql + " AS " + Names.quote(name);
            if (!cols.contains(name)) {
                return selectFrom("*, " + item);
            }
            return selectFrom(cols.stream().map(c -> c.equals(name) ? item : Names.quote(c)).collect(Collectors.joining(", ")));
        });
    }

    public DataFrame withColumnRenamed(String existing, String renamed) {
        boolean renamesTime = watermark != null && watermark.column().equals(existing);
        return derive(renamesTime ? new Watermark(renamed, watermark.delay()) : watermark, () -> {
            List<String> cols = existing("withColumnRenamed", List.of(existing));
            return selectFrom(cols.stream().map(c -> c.equals(existing) ? Names.quote(c) + " AS " + Names.quote(renamed) : Names.quote(c))
                    .collect(Collectors.joining(", ")));
        });
    }

    public DataFrame drop(String... names) {
        List<String> gone = nonEmpty("drop", names);
        boolean dropsTime = watermark != null && gone.contains(watermark.column());
        return derive(dropsTime ? null : watermark, () -> {
            List<String> kept = new ArrayList<>(existing("drop", gone));
            kept.removeAll(gone);
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("drop " + gone + ": it would leave the frame without columns");
            }
            return selectFrom(Names.quoteAll(kept));
        });
    }

    public DataFrame drop(Column first, Column... more) {
        List<Column> columns = new ArrayList<>(List.of(first));
        columns.addAll(List.of(more));
        return drop(columns.stream().map(c -> {
            if (c.reference == null) {
                throw new IllegalArgumentException("drop: " + c.sql + " is not a column of the frame");
            }
            return c.reference;
        }).toArray(String[]::new));
    }

    /** The frame's columns, after checking it has each of {@code names}; the message names the missing one. */
    List<String> existing(String op, List<String> names) {
        List<String> cols = columns();
        for (String n : names) {
            if (!cols.contains(n)) {
                throw new IllegalArgumentException(op + ": the frame has no column " + Names.quote(n) + "; its columns are " + cols);
            }
        }
        return cols;
    }

    // ---- aggregation, event time, deduplication

    public GroupedData groupBy(Column... keys) {
        return new GroupedData(this, List.of(keys));
    }

    public GroupedData groupBy(String key, String... more) {
        return groupBy(columns(key, more));
    }

    /** The whole frame as one group: {@code df.agg(count("*"))}. */
    public DataFrame agg(Column... aggregates) {
        return groupBy().agg(aggregates);
    }

    /**
     * Makes {@code column} the event-time attribute, the watermark lagging the largest time seen by {@code delay}
     * ({@code "10 seconds"}). The planner declares watermarks on tables, so this re-declares the source table under a
     * new name with {@code WATERMARK FOR column AS column - INTERVAL ...}: it applies to a frame read directly from
     * {@link StreamingSession#readStream()} or {@link StreamingSession#read()}, before other operations.
     */
    public DataFrame withWatermark(String column, String delay) {
        return session.withWatermark(this, column, SqlIntervals.parse("withWatermark", delay));
    }

    /** Every column's distinct rows: {@link #dropDuplicates(String...)} of all columns. */
    public DataFrame dropDuplicates() {
        return dropDuplicates(new String[0]);
    }

    /**
     * Keeps the first row to arrive of each distinct combination of {@code columns} (all columns if none) and drops
     * later ones: a Top-1 per key ordered by processing time, whose state grows with the keys (bound it with
     * {@code table.exec.state.ttl}, or use {@link #dropDuplicatesWithinWatermark}). The result is an updating
     * changelog in the planner's terms (its upsert key the columns), though no first row is ever replaced.
     */
    public DataFrame dropDuplicates(String... columns) {
        return derive(watermark, () -> Deduplication.firstArrived(this, List.of(columns)));
    }

    public DataFrame dropDuplicatesWithinWatermark() {
        return dropDuplicatesWithinWatermark(new String[0]);
    }

    /**
     * Drops rows whose {@code columns} repeat an earlier row's within the watermark's delay, keeping state only as long
     * as the watermark needs it. Runnel's semantics: event time is cut into tumbling windows of the delay (aligned to
     * the epoch); in each window the row with the earliest event time per key is kept, emitted when the watermark
     * passes the window's end, and the window's state is dropped then. Duplicates that fall into adjacent windows are
     * both kept. The result is insert-only. Needs {@link #withWatermark} with a delay above zero.
     */
    public DataFrame dropDuplicatesWithinWatermark(String... columns) {
        if (watermark == null) {
            throw new IllegalArgumentException("dropDuplicatesWithinWatermark needs an event-time column: call withWatermark(col, delay)"
                    + " on the frame read from the source first (the frame's watermark was not kept by the operations since)");
        }
        if (watermark.delay().isZero()) {
            throw new IllegalArgumentException("dropDuplicatesWithinWatermark: the watermark's delay is zero, so no two rows are within it");
        }
        return derive(watermark, () -> Deduplication.withinWatermark(this, List.of(columns)));
    }

    // ---- joins and set operations

    /** An inner join on {@code condition}. */
    public DataFrame join(DataFrame right, Column condition) {
        return join(right, condition, "inner");
    }

    /**
     * A join on {@code condition} ({@code inner}, {@code left_outer}, {@code right_outer}, {@code full_outer}, with
     * Spark's other spellings). With a condition bounding one side's event time by the other's, two streams join as an
     * interval join; a stream and a bounded table as a regular join. Columns both sides have are kept twice, the
     * right's renamed by the planner ({@code id0}).
     */
    public DataFrame join(DataFrame right, Column condition, String joinType) {
        condition.checkNotWindow("join");
        return Joins.on(this, right, condition, JoinType.of(joinType));
    }

    /** An inner join on equal {@code columns}, which the result has once (SQL's USING). */
    public DataFrame join(DataFrame right, String... columns) {
        return Joins.using(this, right, List.of(columns), JoinType.INNER);
    }

    /** Rows of both frames, by position (Spark's union is SQL's UNION ALL). */
    public DataFrame union(DataFrame other) {
        Objects.requireNonNull(other);
        Watermark both = Objects.equals(watermark, other.watermark) ? watermark : null;
        return derive(both, () -> "SELECT * FROM (" + subquery() + ") AS " + Names.quote(alias + "$1") + " UNION ALL SELECT * FROM ("
                + other.subquery() + ") AS " + Names.quote(alias + "$2"));
    }

    public DataFrame unionAll(DataFrame other) {
        return union(other);
    }

    /**
     * Sorted, as the planner runs ORDER BY on streams: with {@link #limit} a Top-N (a changelog); alone it must begin
     * with the event-time column ascending.
     */
    public DataFrame orderBy(Column... columns) {
        List<Column> cs = nonEmpty("orderBy", columns);
        cs.forEach(c -> c.checkNotWindow("orderBy"));
        String order = cs.stream().map(c -> c.sql).collect(Collectors.joining(", "));
        return new Sorted(this, order, null).frame();
    }

    public DataFrame orderBy(String column, String... more) {
        return orderBy(columns(column, more));
    }

    public DataFrame sort(Column... columns) {
        return orderBy(columns);
    }

    /** The first {@code n} rows (after {@link #orderBy}, its top {@code n}). */
    public DataFrame limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("limit: " + n + " is negative");
        }
        return sorted != null ? new Sorted(sorted.input, sorted.order, n).frame() : derive(watermark, () -> selectFrom("*") + " LIMIT " + n);
    }

    /** This frame under another alias, e.g. to join it with itself. */
    public DataFrame as(String newAlias) {
        return new DataFrame(session, Objects.requireNonNull(newAlias), source, watermark, render, null);
    }

    public DataFrame alias(String newAlias) {
        return as(newAlias);
    }

    @Override
    public String toString() {
        return "DataFrame[" + alias + "]";
    }

    // ---- helpers for the operations defined in their own classes

    /** Set on the frame of orderBy, so a limit right after it becomes ORDER BY ... LIMIT (a Top-N). */
    private Sorted sorted;

    private record Sorted(DataFrame input, String order, Integer limit) {
        DataFrame frame() {
            DataFrame f = input.derive(input.watermark, () -> input.selectFrom("*") + " ORDER BY " + order
                    + (limit == null ? "" : " LIMIT " + limit));
            f.sorted = limit == null ? this : null;
            return f;
        }
    }

    static DataFrame join(StreamingSession session, String alias, Watermark watermark, Supplier<String> fromClause) {
        return new DataFrame(session, alias, null, watermark, () -> "SELECT * FROM " + fromClause.get(), fromClause);
    }

    private static Column[] columns(String first, String... more) {
        List<Column> out = new ArrayList<>();
        out.add(functions.col(first));
        Arrays.stream(more).map(functions::col).forEach(out::add);
        return out.toArray(Column[]::new);
    }

    @SafeVarargs
    private static <T> List<T> nonEmpty(String op, T... items) {
        if (items.length == 0) {
            throw new IllegalArgumentException(op + ": name at least one column");
        }
        return List.of(items);
    }
}
