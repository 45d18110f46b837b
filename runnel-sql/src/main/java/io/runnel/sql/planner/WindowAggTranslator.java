package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.api.windowing.WindowAssigner;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.AggSpec;
import io.runnel.sql.exec.GroupAggregateFunction;
import io.runnel.sql.exec.GroupKeySelector;
import io.runnel.sql.exec.SqlAggregate;
import io.runnel.sql.exec.WindowRowEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A GROUP BY window_start, window_end [, keys] over a TUMBLE, HOP, CUMULATE or SESSION table function, onto
 * keyBy + event-time window + incremental aggregate. A calc between the two runs before the window,
 * with the window columns filled in by the window operator.
 */
final class WindowAggTranslator {
    private final StreamTranslator streams;

    WindowAggTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    static String tvfName(TableFunctionScan tvf) {
        return tvf.getCall() instanceof RexCall c ? c.getOperator().getName() : String.valueOf(tvf.getCall());
    }

    /** {@code agg} groups by one set: grouping sets were expanded (see {@link GroupingSets}) before it gets here. */
    Translated translate(Aggregate agg) {
        if (LegacyWindowAggTranslator.windowGroup(agg) >= 0) {
            return new LegacyWindowAggTranslator(streams).translate(agg, new int[0], false, -1);
        }
        RelNode input = agg.getInput();
        Calc pre = input instanceof Calc c ? c : null;
        RelNode below = pre == null ? input : pre.getInput();
        if (!(below instanceof TableFunctionScan tvf)) {
            return groupAggregate(agg);
        }
        RexCall call = (RexCall) tvf.getCall();
        String fn = call.getOperator().getName();
        if (!fn.equals("TUMBLE") && !fn.equals("HOP") && !fn.equals("SESSION") && !fn.equals("CUMULATE")) {
            throw new SqlPlanningException("window table function " + fn + " is not supported yet (TUMBLE, HOP, CUMULATE and"
                    + " SESSION are)");
        }
        Translated in = streams.translate(tvf.getInput(0));
        int n = tvf.getInput(0).getRowType().getFieldCount();
        boolean eventTime = checkDescriptor(call, in, tvf);
        int[] windowCols = new int[(pre == null ? tvf : pre).getRowType().getFieldCount()];
        DataStream<Row> rows = in.stream();
        if (pre == null) {
            windowCols[n] = WindowRowEmitter.WINDOW_START;
            windowCols[n + 1] = WindowRowEmitter.WINDOW_END;
            windowCols[n + 2] = WindowRowEmitter.WINDOW_TIME;
        } else {
            rows = preCalc(pre, n, windowCols, rows, tvf);
        }
        List<Integer> keys = new ArrayList<>();
        List<Integer> layout = new ArrayList<>();
        for (int g : agg.getGroupSet()) {
            layout.add(windowCols[g] != 0 ? windowCols[g] : keys.size());
            if (windowCols[g] == 0) {
                keys.add(g);
            }
        }
        if (!layout.contains(WindowRowEmitter.WINDOW_START) || !layout.contains(WindowRowEmitter.WINDOW_END)) {
            throw new SqlPlanningException("a " + fn + " aggregation must GROUP BY both window_start and window_end");
        }
        if (fn.equals("SESSION")) {
            checkSessionKeys(call, keys, pre, tvf);
        }
        AggSpec[] specs = agg.getAggCallList().stream().map(c -> spec(c, windowCols)).toArray(AggSpec[]::new);
        SqlAggregate aggregate = new SqlAggregate(specs);
        io.runnel.api.WindowedStream<Row, io.runnel.sql.exec.GroupKey, TimeWindow> windowed = rows
                .keyBy(new GroupKeySelector(keys.stream().mapToInt(Integer::intValue).toArray()))
                .window(assigner(call, fn, eventTime));
        if (!eventTime) {
            windowed = windowed.trigger(new io.runnel.sql.exec.ProcessingTimeOrEndTrigger());
        } else {
            windowed = windowed.sideOutputLateData(io.runnel.sql.exec.late.LateRows.TAG);
        }
        DataStream<Row> out = windowed
                .aggregate(aggregate, new WindowRowEmitter(layout.stream().mapToInt(Integer::intValue).toArray(), aggregate))
                .name("WindowAggregate[" + call + (eventTime ? "" : " proctime") + " group " + agg.getGroupSet() + " " + agg.getAggCallList() + "]");
        if (eventTime) {
            int[] placeholders = java.util.stream.IntStream.range(0, windowCols.length).filter(i -> windowCols[i] != 0).toArray();
            streams.lateRowsOf(out, pre == null ? tvf.getInput(0).getRowType() : pre.getRowType(), placeholders);
        }
        // window_time, when kept, is the rows' time attribute (their timestamp is the window's end - 1), as in Flink:
        // a later window can be over it
        int windowTime = eventTime ? layout.indexOf(WindowRowEmitter.WINDOW_TIME) : -1;
        return new Translated(out, windowTime, ChangelogMode.INSERT_ONLY, new int[] {layout.indexOf(WindowRowEmitter.WINDOW_START),
                layout.indexOf(WindowRowEmitter.WINDOW_END)});
    }

    /** A GROUP BY not over a window function: a changelog keyed by the grouping columns. */
    private Translated groupAggregate(Aggregate agg) {
        Translated in = streams.translate(agg.getInput());
        if (WindowedGroupTranslator.applies(agg, in)) {
            return new WindowedGroupTranslator().translate(agg, in);
        }
        int[] noWindow = new int[agg.getInput().getRowType().getFieldCount()];
        AggSpec[] specs = agg.getAggCallList().stream().map(c -> spec(c, noWindow)).toArray(AggSpec[]::new);
        boolean retracting = in.mode().isUpdating();
        for (AggSpec s : specs) {
            if (retracting && s.kind() == AggSpec.Kind.APPROX_COUNT_DISTINCT) {
                throw new SqlPlanningException("GroupAggregate: APPROX_COUNT_DISTINCT cannot take an updating input"
                        + " (its sketch cannot remove a value); use COUNT(DISTINCT ...)");
            }
        }
        DataStream<Row> out = in.stream().keyBy(new GroupKeySelector(agg.getGroupSet().toArray()))
                .process(new GroupAggregateFunction(new SqlAggregate(specs, retracting), streams.options().stateTtl()))
                .name((retracting ? "GroupAggregate[retract, group " : "GroupAggregate[group ") + agg.getGroupSet() + " " + agg.getAggCallList() + "]");
        return Translated.updating(out, java.util.stream.IntStream.range(0, agg.getGroupCount()).toArray());
    }


    /**
     * Sessions are cut per PARTITION BY key; the aggregation must group by exactly those columns (besides the window),
     * so each session's rows are one group.
     */
    private static void checkSessionKeys(RexCall call, List<Integer> keys, Calc pre, TableFunctionScan tvf) {
        java.util.Set<Integer> partition = new java.util.TreeSet<>();
        List<RexNode> descriptors = call.getOperands().stream().filter(o -> o.getKind() == SqlKind.DESCRIPTOR).toList();
        if (descriptors.size() > 1) {
            for (RexNode k : ((RexCall) descriptors.get(1)).getOperands()) {
                partition.add(((RexInputRef) k).getIndex());
            }
        }
        java.util.Set<Integer> grouped = new java.util.TreeSet<>();
        for (int k : keys) {
            RexNode source = pre == null ? null : pre.getProgram().expandLocalRef(pre.getProgram().getProjectList().get(k));
            grouped.add(pre == null ? k : source instanceof RexInputRef ref ? ref.getIndex() : -1);
        }
        if (!partition.equals(grouped)) {
            List<String> names = tvf.getInput(0).getRowType().getFieldNames();
            throw new SqlPlanningException("a SESSION window aggregation must GROUP BY its PARTITION BY columns "
                    + partition.stream().map(names::get).toList() + " and window_start, window_end, and no other columns");
        }
    }

    /** True for windows of event time, false of processing time (a PROCTIME() column); else an error. */
    private static boolean checkDescriptor(RexCall call, Translated in, TableFunctionScan tvf) {
        for (RexNode op : call.getOperands()) {
            if (op.getKind() == SqlKind.DESCRIPTOR) {
                RexNode col = ((RexCall) op).getOperands().get(0);
                if (col instanceof RexInputRef ref && ref.getIndex() == in.rowtime()) {
                    return true;
                }
                if (col instanceof RexInputRef ref && ref.getIndex() == in.proctime()) {
                    return false;
                }
                String name = col instanceof RexInputRef ref ? tvf.getInput(0).getRowType().getFieldNames().get(ref.getIndex())
                        : String.valueOf(col);
                throw new SqlPlanningException(call.getOperator().getName() + "(..., DESCRIPTOR(" + name
                        + "), ...): the column is not a time attribute (a table's WATERMARK FOR column, or a PROCTIME() column)");
            }
        }
        throw new SqlPlanningException(call.getOperator().getName() + " without a DESCRIPTOR column");
    }

    /** Runs the calc between the window function and the aggregate; window columns are marked, not computed. */
    private static DataStream<Row> preCalc(Calc pre, int n, int[] windowCols, DataStream<Row> rows, TableFunctionScan tvf) {
        RexProgram program = pre.getProgram();
        RexBuilder rex = pre.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>(program.expandList(program.getProjectList()));
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        ImmutableBitSet windowBits = ImmutableBitSet.range(n, n + 3);
        if (condition != null && RelOptUtil.InputFinder.bits(condition).intersects(windowBits)) {
            throw new SqlPlanningException("a WHERE on window_start/window_end/window_time before the aggregation is not supported yet");
        }
        for (int i = 0; i < projects.size(); i++) {
            RexNode p = projects.get(i);
            if (p instanceof RexInputRef ref && ref.getIndex() >= n) {
                windowCols[i] = WindowRowEmitter.WINDOW_START - (ref.getIndex() - n);
                projects.set(i, rex.makeNullLiteral(p.getType()));
            } else if (RelOptUtil.InputFinder.bits(p).intersects(windowBits)) {
                throw new SqlPlanningException("an expression over the window columns (" + p + ") before the aggregation"
                        + " is not supported yet");
            }
        }
        return rows.flatMap(CalcCodegen.calc(rex, tvf.getInput(0).getRowType(), condition, projects))
                .name("Calc[select " + projects + (condition == null ? "" : " where " + condition) + "]");
    }

    static AggSpec spec(AggregateCall call, int[] windowCols) {
        String name = call.getAggregation().getName();
        boolean approx = call.isApproximate() || name.equals("APPROX_COUNT_DISTINCT");
        if (call.getAggregation() instanceof org.apache.calcite.sql.validate.SqlUserDefinedAggFunction u
                && u.function instanceof io.runnel.sql.functions.UserAggregateDefinition d) {
            if (call.isDistinct()) {
                throw new SqlPlanningException(name + "(DISTINCT ...) of a user-defined aggregate function is not supported yet");
            }
            for (int a : call.getArgList()) {
                if (windowCols[a] != 0) {
                    throw new SqlPlanningException(name + " over a window column is not supported yet");
                }
            }
            return AggSpec.user(new io.runnel.sql.exec.UserAggregate(d.className(), call.getArgList().stream()
                    .mapToInt(Integer::intValue).toArray()), call.getType().getSqlTypeName(), call.filterArg);
        }
        AggSpec.Kind kind = switch (call.getAggregation().getKind()) {
            case COUNT -> approx ? AggSpec.Kind.APPROX_COUNT_DISTINCT : AggSpec.Kind.COUNT;
            case SUM -> AggSpec.Kind.SUM;
            case SUM0 -> AggSpec.Kind.SUM0;
            case MIN -> AggSpec.Kind.MIN;
            case MAX -> AggSpec.Kind.MAX;
            case AVG -> AggSpec.Kind.AVG;
            default -> throw new SqlPlanningException("aggregate function " + name + " is not supported yet");
        };
        if (call.getArgList().size() > 1) {
            throw new SqlPlanningException(name + " with " + call.getArgList().size() + " arguments is not supported yet");
        }
        int arg = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
        if (arg >= 0 && windowCols[arg] != 0) {
            throw new SqlPlanningException(name + " over a window column is not supported yet");
        }
        if (call.isDistinct() && arg < 0) {
            throw new SqlPlanningException(name + "(DISTINCT *) is not valid");
        }
        return new AggSpec(kind, arg, call.getType().getSqlTypeName(), call.isDistinct() && !approx, call.filterArg);
    }

    private static WindowAssigner<Object, TimeWindow> assigner(RexCall call, String fn, boolean eventTime) {
        List<Long> intervals = new ArrayList<>();
        for (RexNode op : call.getOperands()) {
            if (op instanceof RexLiteral lit && lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
                intervals.add(lit.getValueAs(Long.class));
            }
        }
        if (fn.equals("CUMULATE")) {
            try {
                return new io.runnel.sql.exec.CumulativeWindows(intervals.get(0), intervals.get(1),
                        intervals.size() > 2 ? intervals.get(2) : 0, eventTime);
            } catch (IllegalArgumentException e) {
                throw new SqlPlanningException(e.getMessage(), e);
            }
        }
        if (fn.equals("SESSION")) {
            Duration gap = Duration.ofMillis(intervals.get(0));
            return eventTime ? io.runnel.api.windowing.SessionWindows.withGap(gap) : io.runnel.api.windowing.SessionWindows.withProcessingTimeGap(gap);
        }
        if (!eventTime) {
            if (intervals.size() > (fn.equals("TUMBLE") ? 1 : 2)) {
                throw new SqlPlanningException(fn + " of processing time with an offset is not supported yet");
            }
            return fn.equals("TUMBLE") ? io.runnel.api.windowing.TumblingProcessingTimeWindows.of(Duration.ofMillis(intervals.get(0)))
                    : io.runnel.api.windowing.SlidingProcessingTimeWindows.of(Duration.ofMillis(intervals.get(1)), Duration.ofMillis(intervals.get(0)));
        }
        if (fn.equals("TUMBLE")) {
            Duration size = Duration.ofMillis(intervals.get(0));
            return intervals.size() > 1 ? TumblingEventTimeWindows.of(size, Duration.ofMillis(intervals.get(1)))
                    : TumblingEventTimeWindows.of(size);
        }
        Duration slide = Duration.ofMillis(intervals.get(0));
        Duration size = Duration.ofMillis(intervals.get(1));
        return intervals.size() > 2 ? SlidingEventTimeWindows.of(size, slide, Duration.ofMillis(intervals.get(2)))
                : SlidingEventTimeWindows.of(size, slide);
    }
}
