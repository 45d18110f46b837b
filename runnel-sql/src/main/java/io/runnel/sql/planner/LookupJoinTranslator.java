package io.runnel.sql.planner;

import io.runnel.sql.catalog.TableDef;
import io.runnel.sql.connect.LookupSource;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.CompiledCalc;
import io.runnel.sql.exec.join.LookupJoinFunction;
import io.runnel.api.DataStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * {@code s JOIN t FOR SYSTEM_TIME AS OF s.proc AS x ON ...} with {@code proc} a processing-time attribute: a lookup
 * join, as Flink runs one against a filesystem or JDBC table. Calcite gives it as a correlate whose right side is a
 * snapshot of the table under the join condition; it runs as a stateless map over the stream that probes the whole
 * table, loaded by the connector into each parallel instance. AS OF an event-time attribute it is a temporal join
 * ({@link TemporalJoinTranslator}).
 */
final class LookupJoinTranslator {
    private final StreamTranslator streams;

    LookupJoinTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    Translated translate(Correlate correlate) {
        boolean leftJoin = switch (correlate.getJoinType()) {
            case INNER -> false;
            case LEFT -> true;
            default -> throw new SqlPlanningException(correlate.getJoinType() + " lookup join is not supported (INNER and LEFT are)");
        };
        RelNode right = correlate.getRight();
        Calc calc = right instanceof Calc c ? c : null;
        RelNode below = calc == null ? right : calc.getInput();
        if (!(below instanceof Snapshot snapshot)) {
            throw new SqlPlanningException("a correlated subquery (LATERAL, UNNEST, a table function) is not supported yet;"
                    + " FOR SYSTEM_TIME AS OF joins are");
        }
        if (!(snapshot.getInput() instanceof TableScan scan) || scan.getTable().unwrap(DefTable.class) == null) {
            throw new SqlPlanningException("FOR SYSTEM_TIME AS OF must read a table directly");
        }
        DefTable table = scan.getTable().unwrap(DefTable.class);
        TableDef def = table.def();
        Translated left = streams.translate(correlate.getLeft());
        RelDataType leftType = correlate.getLeft().getRowType();
        int period = periodColumn(snapshot, correlate, leftType);
        if (period == left.rowtime()) {
            return new TemporalJoinTranslator(streams).translate(correlate, calc, scan, left, leftJoin);
        }
        if (table.isView() || table.computed() != null || !TableTypes.metadataKeys(def).isEmpty()) {
            throw new SqlPlanningException("table " + def.name() + ": a looked-up table with computed or metadata columns,"
                    + " or a view, is not supported yet");
        }
        if (period != left.proctime()) {
            throw new SqlPlanningException("FOR SYSTEM_TIME AS OF " + leftType.getFieldNames().get(period)
                    + ": the column is not a time attribute (a PROCTIME() column for a lookup join)");
        }
        TableConnector connector = StreamTranslator.connector(def);
        RelDataType tableType = scan.getRowType();
        LookupSource source = connector.lookupSource(new TableConnector.SourceRequest(ComputedColumns.userName(def.name()),
                tableType, List.of(), TableTypes.physicalPrimaryKey(def), def.options(), 1));
        if (source == null) {
            throw new SqlPlanningException("table " + def.name() + ": connector '" + def.connector() + "' cannot be looked up"
                    + " (filesystem tables can)");
        }
        int nl = leftType.getFieldCount();
        int nr = tableType.getFieldCount();
        RelDataTypeFactory types = correlate.getCluster().getTypeFactory();
        RelDataTypeFactory.Builder both = types.builder().addAll(leftType.getFieldList());
        tableType.getFieldList().forEach(f -> both.add("$t_" + f.getName(), types.createTypeWithNullability(f.getType(), true)));
        RelDataType joinedType = both.build();
        RexShuttle shift = shift(correlate, nl, joinedType);
        RexNode condition = null;
        List<RexNode> projects = new ArrayList<>();
        for (int i = 0; i < nl; i++) {
            projects.add(new RexInputRef(i, leftType.getFieldList().get(i).getType()));
        }
        if (calc != null) {
            RexProgram p = calc.getProgram();
            condition = p.getCondition() == null ? null : p.expandLocalRef(p.getCondition()).accept(shift);
            for (RexNode e : p.expandList(p.getProjectList())) {
                projects.add(e.accept(shift));
            }
        } else {
            for (int i = 0; i < nr; i++) {
                projects.add(new RexInputRef(nl + i, joinedType.getFieldList().get(nl + i).getType()));
            }
        }
        List<RexNode> probe = new ArrayList<>();
        List<RexNode> keys = new ArrayList<>();
        for (RexNode c : condition == null ? List.<RexNode>of() : RelOptUtil.conjunctions(condition)) {
            if (c.getKind() == SqlKind.EQUALS && c instanceof RexCall eq) {
                if (!addKey(eq.getOperands().get(0), eq.getOperands().get(1), nl, probe, keys)) {
                    addKey(eq.getOperands().get(1), eq.getOperands().get(0), nl, probe, keys);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new SqlPlanningException("a lookup join of " + def.name() + " needs an equality between an expression of the"
                    + " stream and a column of the table (ON ... = " + def.name() + ".column)");
        }
        RexBuilder rex = correlate.getCluster().getRexBuilder();
        CompiledCalc probeKey = CalcCodegen.calc(rex, leftType, null, probe);
        CompiledCalc joined = CalcCodegen.calc(rex, joinedType, condition, projects);
        CompiledCalc padded = leftJoin ? CalcCodegen.calc(rex, joinedType, null, projects) : null;
        RelDataType nullableTable = types.createStructType(joinedType.getFieldList().subList(nl, nl + nr));
        CompiledCalc tableKey = CalcCodegen.calc(rex, nullableTable, null, keys);
        LookupJoinFunction fn = new LookupJoinFunction(source, probeKey, tableKey, joined, padded, nl, nr, leftJoin);
        DataStream<Row> out = left.stream().flatMap(fn)
                .name("LookupJoin[" + (leftJoin ? "LEFT" : "INNER") + " " + def.name() + " on " + condition + "]");
        return new Translated(out, left.rowtime(), left.mode().insertOnly() ? left.mode() : ChangelogMode.updating(), null,
                left.proctime());
    }

    /**
     * {@code probe = key} when {@code probe} reads only the stream and {@code key} only the table (a column, or one
     * cast to the stream side's type); {@code key} is added over the table's own row.
     */
    static boolean addKey(RexNode probe, RexNode key, int nl, List<RexNode> probes, List<RexNode> keys) {
        ImmutableBitSet probeBits = RelOptUtil.InputFinder.bits(probe);
        ImmutableBitSet keyBits = RelOptUtil.InputFinder.bits(key);
        if (probeBits.isEmpty() || probeBits.length() > nl || keyBits.isEmpty() || keyBits.nextSetBit(0) < nl
                || probe.getType().getSqlTypeName() != key.getType().getSqlTypeName()) {
            return false;
        }
        probes.add(probe);
        keys.add(key.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(ref.getIndex() - nl, ref.getType());
            }
        }));
        return true;
    }

    /** The stream's column the snapshot is taken at. */
    private static int periodColumn(Snapshot snapshot, Correlate correlate, RelDataType leftType) {
        if (snapshot.getPeriod() instanceof RexFieldAccess fa && fa.getReferenceExpr() instanceof RexCorrelVariable v
                && v.id.equals(correlate.getCorrelationId())) {
            return fa.getField().getIndex();
        }
        throw new SqlPlanningException("FOR SYSTEM_TIME AS OF " + snapshot.getPeriod() + ": must name a column of the joined stream");
    }

    /** Correlation fields to the stream's columns, the table's columns after them. */
    static RexShuttle shift(Correlate correlate, int nl, RelDataType joinedType) {
        return new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess fa) {
                if (fa.getReferenceExpr() instanceof RexCorrelVariable v && v.id.equals(correlate.getCorrelationId())) {
                    return new RexInputRef(fa.getField().getIndex(), fa.getType());
                }
                return super.visitFieldAccess(fa);
            }

            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(nl + ref.getIndex(), joinedType.getFieldList().get(nl + ref.getIndex()).getType());
            }
        };
    }
}
