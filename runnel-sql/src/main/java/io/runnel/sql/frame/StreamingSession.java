package io.runnel.sql.frame;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.catalog.ColumnDef;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.catalog.WatermarkDef;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.parser.RunnelSqlParser;
import io.runnel.sql.parser.SqlCreateTable;
import io.runnel.sql.planner.SqlPlanner;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * Spark's {@code SparkSession} for streams: frames over the catalog of one {@link SqlEnvironment}. Sources read with
 * {@link #readStream()} and {@link #read()} become temporary tables of that catalog (named {@code <format>_<n>}), so SQL
 * and frames see the same tables and one planner runs both.
 */
public final class StreamingSession {
    private final SqlEnvironment sql;
    private final AtomicInteger ids = new AtomicInteger();

    private StreamingSession(SqlEnvironment sql) {
        this.sql = sql;
    }

    public static StreamingSession create(SqlEnvironment sql) {
        return new StreamingSession(Objects.requireNonNull(sql));
    }

    public static StreamingSession create(StreamEnvironment env) {
        return create(SqlEnvironment.create(env));
    }

    public SqlEnvironment sqlEnvironment() {
        return sql;
    }

    /** An unbounded source, as Spark's {@code readStream}. */
    public DataStreamReader readStream() {
        return new DataStreamReader(this, true);
    }

    /** A bounded source (files, a Kafka topic up to its end now, a datagen table of so many rows), for stream–static joins. */
    public DataStreamReader read() {
        return new DataStreamReader(this, false);
    }

    /** The catalog's table or view {@code name}. */
    public DataFrame table(String name) {
        if (!sql.tableNames().contains(name)) {
            throw new IllegalArgumentException("table(" + name + "): the catalog has no table or view of that name; it has "
                    + sql.tableNames());
        }
        return DataFrame.ofTable(this, name, null, null);
    }

    /** A SELECT of Flink's dialect over the catalog, as a frame. */
    public DataFrame sql(String select) {
        return DataFrame.ofQuery(this, newName("query"), Objects.requireNonNull(select));
    }

    /**
     * The columns of {@code select}. The optimizer removes a projection that only renames (it keeps columns in order),
     * and the plan's row type then has the old names; an extra constant column keeps the projection, and its names.
     */
    FrameSchema schemaOf(String select) {
        var padded = sql.rowType("SELECT *, 0 AS `$names` FROM (" + select + ") AS `$q`");
        var fields = padded.getFieldList().subList(0, padded.getFieldCount() - 1);
        return FrameSchema.of(fields);
    }

    /** A name no table of the catalog has yet: {@code prefix_n}. */
    String newName(String prefix) {
        String name;
        do {
            name = prefix + "_" + ids.incrementAndGet();
        } while (sql.tableNames().contains(name));
        return name;
    }

    DataFrame declare(String prefix, SourceDeclaration d) {
        String name = newName(prefix);
        TableDef def = ((SqlCreateTable) RunnelSqlParser.parse(d.ddl(name))).toTableDef();
        sql.registerTable(def);
        return DataFrame.ofTable(this, name, def, watermarkOf(def)).as(name);
    }

    /** Re-declares the frame's source table under a new name with {@code WATERMARK FOR column AS column - delay}. */
    DataFrame withWatermark(DataFrame frame, String column, Duration delay) {
        TableDef def = frame.source;
        if (def == null) {
            throw new IllegalArgumentException("withWatermark(" + column + ", ...): it applies to a frame read directly from readStream()"
                    + " or read(), before other operations (the planner declares watermarks on tables); call it first, or declare"
                    + " WATERMARK FOR in the schema");
        }
        List<ColumnDef> columns = def.columns().isEmpty() ? defaultColumns(def) : def.columns();
        if (columns.stream().noneMatch(c -> c.name().equals(column))) {
            throw new IllegalArgumentException("withWatermark: the frame has no column " + Names.quote(column) + "; its columns are "
                    + columns.stream().map(ColumnDef::name).toList());
        }
        String expression = delay.isZero() ? Names.quote(column) : Names.quote(column) + " - " + SqlIntervals.literal(delay);
        String name = newName(def.name() + "_wm");
        TableDef marked = new TableDef(name, columns, new WatermarkDef(column, parseExpression(expression)), def.primaryKey(),
                def.options(), true, def.comment());
        sql.registerTable(marked);
        return DataFrame.ofTable(this, name, marked, new Watermark(column, delay)).as(frame.alias);
    }

    private static List<ColumnDef> defaultColumns(TableDef def) {
        TableConnector c = SourceFormats.connector(def.connector());
        List<ColumnDef> cols = c == null ? null : c.defaultColumns(def.name(), def.options());
        if (cols == null) {
            throw new IllegalArgumentException("withWatermark: table " + def.name() + " lists no columns to re-declare; give schema(...)");
        }
        return cols;
    }

    /** The event-time column and delay a declared WATERMARK gives: {@code ts} or {@code ts - INTERVAL ...}, else unknown. */
    private static Watermark watermarkOf(TableDef def) {
        WatermarkDef wm = def.watermark();
        if (wm == null && def.columns().isEmpty()) {
            TableConnector c = SourceFormats.connector(def.connector());
            wm = c == null ? null : c.defaultWatermark(def.name(), def.options());
        }
        if (wm == null) {
            return null;
        }
        SqlNode e = wm.expression();
        if (e instanceof SqlIdentifier) {
            return new Watermark(wm.rowtimeColumn(), Duration.ZERO);
        }
        if (e instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS && call.operand(1) instanceof SqlIntervalLiteral lit) {
            long ms = SqlParserUtil.intervalToMillis(lit.getValueAs(SqlIntervalLiteral.IntervalValue.class));
            return new Watermark(wm.rowtimeColumn(), Duration.ofMillis(ms));
        }
        return null;
    }

    private static SqlNode parseExpression(String expression) {
        try {
            return SqlParser.create(expression, SqlPlanner.PARSER).parseExpression();
        } catch (SqlParseException e) {
            throw new IllegalArgumentException("withWatermark: " + expression + ": " + e.getMessage(), e);
        }
    }
}
