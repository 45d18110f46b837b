package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.CompiledCalc;
import io.runnel.sql.exec.join.TemporalJoinFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code s JOIN t FOR SYSTEM_TIME AS OF s.ts AS x ON s.k = x.pk} with {@code ts} the stream's event-time attribute and
 * {@code t} a versioned table (a PRIMARY KEY and a WATERMARK): Flink's event-time temporal join. The table is read as
 * a stream of versions, its own rows (an append table: each row a new version of its key) or its changelog (an upsert
 * or changelog source, read before any normalization: each insert or update-after a version, each delete the end of
 * the key's row); both sides are keyed by the primary key, and each stream row meets the version valid at its time.
 */
final class TemporalJoinTranslator {
    private final StreamTranslator streams;

    TemporalJoinTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    Translated translate(Correlate correlate, Calc calc, TableScan scan, Translated left, boolean leftJoin) {
        DefTable table = scan.getTable().unwrap(DefTable.class);
        TableDef def = table.def();
        String name = ComputedColumns.userName(def.name());
        if (!left.mode().insertOnly()) {
            throw new SqlPlanningException("a temporal join of " + name + " needs an insert-only stream on its left");
        }
        int[] pk = TableTypes.physicalPrimaryKey(def);
        if (def.primaryKey().isEmpty() || table.rowtimeIndex() < 0) {
            throw new SqlPlanningException("FOR SYSTEM_TIME AS OF an event-time attribute needs a versioned table, but " + name
                    + " has no " + (def.primaryKey().isEmpty() ? "PRIMARY KEY (...) NOT ENFORCED" : "WATERMARK (event-time attribute)")
                    + "; a versioned table has both");
        }
        Versions versions = versions(scan, table);
        RelDataType leftType = correlate.getLeft().getRowType();
        RelDataType tableType = scan.getRowType();
        int nl = leftType.getFieldCount();
        int nr = tableType.getFieldCount();
        RelDataTypeFactory types = correlate.getCluster().getTypeFactory();
        RelDataTypeFactory.Builder both = types.builder().addAll(leftType.getFieldList());
        tableType.getFieldList().forEach(f -> both.add("$t_" + f.getName(), types.createTypeWithNullability(f.getType(), true)));
        RelDataType joinedType = both.build();
        RexShuttle shift = LookupJoinTranslator.shift(correlate, nl, joinedType);
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < nl; i++) {
            projects.add(new RexInputRef(i, leftType.getFieldList().get(i).getType()));
        }
        RexNode condition = null;
        if (calc != null) {
            RexProgram p = calc.getProgram();
            condition = p.getCondition() == null ? null : p.expandLocalRef(p.getCondition()).accept(shift);
            p.expandList(p.getProjectList()).forEach(e -> projects.add(e.accept(shift)));
        } else {
            for (int i = 0; i < nr; i++) {
                projects.add(new RexInputRef(nl + i, joinedType.getFieldList().get(nl + i).getType()));
            }
        }
        int[] leftKey = leftKey(condition, pk, nl, tableType, name);
        RexBuilder rex = correlate.getCluster().getRexBuilder();
        CompiledCalc joined = CalcCodegen.calc(rex, joinedType, condition, projects);
        CompiledCalc padded = leftJoin ? CalcCodegen.calc(rex, joinedType, null, projects) : null;
        TemporalJoinFunction fn = new TemporalJoinFunction(nl, nr, left.rowtime(), versions.rowtime(), joined, padded);
        DataStream<Row> out = left.stream().connect(versions.stream())
                .keyBy(new io.runnel.sql.exec.join.JoinKeySelector(leftKey, 0), new io.runnel.sql.exec.join.JoinKeySelector(pk, 1))
                .process(fn)
                .name("TemporalJoin[" + (leftJoin ? "LEFT" : "INNER") + " " + name + " AS OF "
                        + leftType.getFieldNames().get(left.rowtime()) + " on " + condition + "]");
        streams.lateRowsOf(out, leftType);
        return new Translated(out, left.rowtime());
    }

    /** The stream's columns equated with the primary key's, in its order; an error names the key columns not equated. */
    private static int[] leftKey(RexNode condition, int[] pk, int nl, RelDataType tableType, String name) {
        int[] key = new int[pk.length];
        java.util.Arrays.fill(key, -1);
        for (RexNode c : condition == null ? List.<RexNode>of() : RelOptUtil.conjunctions(condition)) {
            if (c.getKind() == SqlKind.EQUALS && c instanceof RexCall eq && eq.getOperands().get(0) instanceof RexInputRef a
                    && eq.getOperands().get(1) instanceof RexInputRef b && a.getType().getSqlTypeName() == b.getType().getSqlTypeName()) {
                RexInputRef stream = a.getIndex() < nl ? a : b;
                RexInputRef versioned = a.getIndex() < nl ? b : a;
                for (int k = 0; k < pk.length; k++) {
                    if (stream.getIndex() < nl && versioned.getIndex() == nl + pk[k]) {
                        key[k] = stream.getIndex();
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < pk.length; k++) {
            if (key[k] < 0) {
                missing.add(tableType.getFieldNames().get(pk[k]));
            }
        }
        if (!missing.isEmpty()) {
            throw new SqlPlanningException("a temporal join of the versioned table " + name + " must equate each column of its"
                    + " PRIMARY KEY with a column of the stream (ON stream.col = " + name + ".key); missing: " + missing);
        }
        return key;
    }

    private record Versions(DataStream<Row> stream, int rowtime) {}

    /**
     * An append table's rows as translated; an upsert or changelog table's changes straight from its source (no
     * normalization: the join keeps the versions itself), with timestamps and watermarks from its WATERMARK clause.
     */
    private Versions versions(TableScan scan, DefTable table) {
        TableDef def = table.def();
        TableConnector connector = table.isView() ? null : StreamTranslator.connector(def);
        boolean changes = connector != null && (connector.sourceIsUpsert(def.options()) || connector.sourceProducesChanges(def.options()));
        if (!changes) {
            Translated rows = streams.translate(scan);
            if (rows.rowtime() < 0 || !rows.mode().insertOnly()) {
                throw new SqlPlanningException("table " + def.name() + " cannot be read as a versioned table (no event-time attribute)");
            }
            return new Versions(rows.stream(), rows.rowtime());
        }
        if (table.computed() != null || !TableTypes.metadataKeys(def).isEmpty()) {
            throw new SqlPlanningException("table " + def.name() + ": a versioned upsert or changelog table with computed or"
                    + " metadata columns is not supported yet");
        }
        String name = ComputedColumns.userName(def.name());
        DataStream<Row> rows = connector.source(streams.env(), new TableConnector.SourceRequest(name, scan.getRowType(), List.of(),
                TableTypes.physicalPrimaryKey(def), def.options(), streams.env().parallelism()));
        long lag = WatermarkLag.millis(def.name(), def.watermark());
        int rowtime = table.rowtimeIndex();
        DataStream<Row> timed = rows.assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forBoundedOutOfOrderness(Duration.ofMillis(lag))
                        .withTimestampAssigner(TemporalJoinFunction.versionTime(rowtime)))
                .name("Watermarks[" + def.name() + ": " + def.watermark().rowtimeColumn() + " - " + lag + " ms, versions]");
        return new Versions(timed, rowtime);
    }
}
