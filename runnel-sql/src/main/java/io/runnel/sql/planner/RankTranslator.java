package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.GroupKeySelector;
import io.runnel.sql.exec.rank.RowOrder;
import io.runnel.sql.exec.rank.TopNFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code SELECT ... FROM (SELECT ..., ROW_NUMBER() OVER (PARTITION BY k ORDER BY c) AS rn FROM t) WHERE rn <= N}
 * (also {@code rn < N}, {@code rn = 1}) onto the Top-N operator keyed by the partition columns, followed by the rest
 * of the calc. Deduplication (N = 1 ordered by time) is the same operator. The result is updating, its upsert key the
 * partition columns (and the row number when it is selected).
 */
final class RankTranslator {
    private final StreamTranslator streams;

    RankTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    /** Whether {@code w} is one ROW_NUMBER over one partitioning. */
    static boolean isRowNumber(Window w) {
        return w.groups.size() == 1 && w.groups.get(0).aggCalls.size() == 1
                && w.groups.get(0).aggCalls.get(0).getOperator().getKind() == SqlKind.ROW_NUMBER;
    }

    Translated translate(Calc calc, Window window) {
        Window.Group group = window.groups.get(0);
        int rnIndex = window.getInput().getRowType().getFieldCount();
        RexProgram program = calc.getProgram();
        RexBuilder rex = calc.getCluster().getRexBuilder();
        List<RexNode> projects = program.expandList(program.getProjectList());
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        long n = -1;
        List<RexNode> rest = new ArrayList<>();
        for (RexNode c : condition == null ? List.<RexNode>of() : RelOptUtil.conjunctions(condition)) {
            long bound = bound(c, rnIndex);
            if (bound > 0 && n < 0) {
                n = bound;
            } else {
                rest.add(c);
            }
        }
        if (n < 0) {
            throw new SqlPlanningException("ROW_NUMBER() OVER (...) is supported as Top-N only: filter it with rn <= N, rn < N or rn = 1");
        }
        boolean rnUsed = RelOptUtil.InputFinder.bits(projects, null).get(rnIndex)
                || rest.stream().anyMatch(r -> RelOptUtil.InputFinder.bits(r).get(rnIndex));
        Translated in = streams.translate(window.getInput());
        int[] partition = group.keys.toArray();
        TopNFunction fn = new TopNFunction(order(group.orderKeys.getFieldCollations()), n, in.mode().isUpdating(), rnUsed,
                streams.options().stateTtl());
        boolean perWindow = in.window() != null && in.mode().insertOnly() && group.keys.get(in.window()[0])
                && group.keys.get(in.window()[1]);
        if (perWindow) {
            fn.perWindow(in.window()[1]);
        }
        DataStream<Row> ranked = in.stream().keyBy(new GroupKeySelector(partition)).process(fn)
                .name((perWindow ? "WindowRank[top " : "Rank[top ") + n + " partition " + group.keys + " order " + group.orderKeys + (rnUsed ? ", with row number" : "")
                        + "]");
        if (!perWindow) {
            int[] key = rnUsed ? java.util.Arrays.copyOf(partition, partition.length + 1) : partition;
            if (rnUsed) {
                key[partition.length] = rnIndex;
            }
            streams.markMode(ranked, ChangelogMode.updating(key));
        }
        RexNode restCondition = rest.isEmpty() ? null : RexUtil.composeConjunction(rex, rest);
        DataStream<Row> out = ranked.flatMap(CalcCodegen.calc(rex, window.getRowType(), restCondition, projects))
                .name("Calc[select " + projects + (restCondition == null ? "" : " where " + restCondition) + "]");
        if (perWindow) {
            return new Translated(out, -1, ChangelogMode.INSERT_ONLY, projectedWindow(in.window(), projects));
        }
        return Translated.updating(out, upsertKey(partition, rnUsed ? rnIndex : -1, projects));
    }

    /** An ORDER BY as a comparator of rows (nulls last ascending and first descending unless said, as Flink's). */
    static RowOrder order(List<RelFieldCollation> keys) {
        int[] columns = new int[keys.size()];
        boolean[] descending = new boolean[keys.size()];
        boolean[] nullsFirst = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            RelFieldCollation k = keys.get(i);
            columns[i] = k.getFieldIndex();
            descending[i] = k.getDirection().isDescending();
            nullsFirst[i] = k.nullDirection == RelFieldCollation.NullDirection.FIRST
                    || (k.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && descending[i]);
        }
        return new RowOrder(columns, descending, nullsFirst);
    }

    /** The window columns' positions after the projection, or null when it drops one. */
    private static int[] projectedWindow(int[] window, List<RexNode> projects) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i) instanceof RexInputRef r) {
                start = r.getIndex() == window[0] && start < 0 ? i : start;
                end = r.getIndex() == window[1] && end < 0 ? i : end;
            }
        }
        return start >= 0 && end >= 0 ? new int[] {start, end} : null;
    }

    /** {@code rn <= N} gives N, {@code rn < N} N - 1, {@code rn = N} (N = 1 only) 1; anything else -1. */
    private static long bound(RexNode c, int rnIndex) {
        if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
            return -1;
        }
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        if (!(a instanceof RexInputRef ref) || ref.getIndex() != rnIndex || !(b instanceof RexLiteral lit)) {
            return -1;
        }
        long v = lit.getValueAs(BigDecimal.class).longValue();
        return switch (call.getKind()) {
            case LESS_THAN_OR_EQUAL -> v;
            case LESS_THAN -> v - 1;
            case EQUALS -> v == 1 ? 1 : -1;
            default -> -1;
        };
    }

    /** The partition columns (and row number) as output positions, when the projection keeps them all. */
    private static int[] upsertKey(int[] partition, int rn, List<RexNode> projects) {
        List<Integer> wanted = new ArrayList<>();
        for (int p : partition) {
            wanted.add(p);
        }
        if (rn >= 0) {
            wanted.add(rn);
        }
        int[] key = new int[wanted.size()];
        for (int k = 0; k < key.length; k++) {
            key[k] = -1;
            for (int i = 0; i < projects.size(); i++) {
                if (projects.get(i) instanceof RexInputRef r && r.getIndex() == wanted.get(k)) {
                    key[k] = i;
                    break;
                }
            }
            if (key[k] < 0) {
                return new int[0];
            }
        }
        return key;
    }
}
