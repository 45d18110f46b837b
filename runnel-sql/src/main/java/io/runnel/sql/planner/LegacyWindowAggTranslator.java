package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.api.WindowedStream;
import io.runnel.api.windowing.SessionWindows;
import io.runnel.api.windowing.SlidingEventTimeWindows;
import io.runnel.api.windowing.SlidingProcessingTimeWindows;
import io.runnel.api.windowing.TimeWindow;
import io.runnel.api.windowing.TumblingEventTimeWindows;
import io.runnel.api.windowing.TumblingProcessingTimeWindows;
import io.runnel.api.windowing.WindowAssigner;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.AggSpec;
import io.runnel.sql.exec.GroupKey;
import io.runnel.sql.exec.GroupKeySelector;
import io.runnel.sql.exec.ProcessingTimeOrEndTrigger;
import io.runnel.sql.exec.SqlAggregate;
import io.runnel.sql.exec.WindowRowEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Flink's legacy group windows, {@code GROUP BY [keys,] TUMBLE(t, size) | HOP(t, slide, size) | SESSION(t, gap)}
 * with {@code *_START} and {@code *_END}: keyBy + a window of event time (t the rowtime) or processing time (t a
 * {@code PROCTIME()} column) + incremental aggregate, insert-only. The group value of the window is its start;
 * Calcite derives TUMBLE_END and HOP_END from it, and a session's end, which only the window knows, is appended
 * after the aggregates when the query asks for it.
 */
final class LegacyWindowAggTranslator {
    private static final Set<String> WINDOWS = Set.of("$TUMBLE", "$HOP", "$SESSION");
    private final StreamTranslator streams;

    LegacyWindowAggTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    /** The grouping column of {@code agg} that is a legacy window call, or -1. */
    static int windowGroup(Aggregate agg) {
        if (!(agg.getInput() instanceof Calc pre)) {
            return -1;
        }
        List<RexNode> projects = pre.getProgram().expandList(pre.getProgram().getProjectList());
        int found = -1;
        for (int g : agg.getGroupSet()) {
            if (projects.get(g) instanceof RexCall c && WINDOWS.contains(c.getOperator().getName())) {
                if (found >= 0) {
                    throw new SqlPlanningException("a GROUP BY with two group windows is not valid");
                }
                found = g;
            }
        }
        return found;
    }

    /**
     * {@code tail}: window values to append after the aggregates (a SESSION_END or a *_ROWTIME above reads them);
     * {@code sessionEnd}: one is a SESSION_END; {@code rowtime}: the appended rowtime's index, or -1.
     */
    Translated translate(Aggregate agg, int[] tail, boolean sessionEnd, int rowtime) {
        if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
            throw new SqlPlanningException("GROUPING SETS / ROLLUP / CUBE are not supported yet");
        }
        Calc pre = (Calc) agg.getInput();
        int g = windowGroup(agg);
        RexProgram program = pre.getProgram();
        List<RexNode> projects = new ArrayList<>(program.expandList(program.getProjectList()));
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        RelDataType inputType = pre.getInput().getRowType();
        Translated in;
        AppendedWindowColumns appended = AppendedWindowColumns.find(pre.getCluster().getTypeFactory(), inputType, projects,
                condition);
        if (appended != null && pre.getInput() instanceof Aggregate inner && windowGroup(inner) >= 0) {
            // a window over an inner legacy window's TUMBLE_ROWTIME (the optimizer merged the calcs between them)
            in = new LegacyWindowAggTranslator(streams).translate(inner, appended.tail(), appended.hasSessionEnd(),
                    appended.rowtime());
            inputType = appended.extendedType();
            projects = new ArrayList<>(appended.replace(projects));
            condition = condition == null ? null : appended.replace(List.of(condition)).get(0);
        } else {
            in = streams.translate(pre.getInput());
        }
        RexCall window = (RexCall) projects.get(g);
        String fn = window.getOperator().getName().substring(1);
        if (sessionEnd && !fn.equals("SESSION")) {
            throw new SqlPlanningException("SESSION_END needs GROUP BY SESSION(...), not " + fn + "(...)");
        }
        boolean eventTime = timeAttribute(window, in, fn, inputType);
        List<Long> intervals = new ArrayList<>();
        for (RexNode op : window.getOperands().subList(1, window.getOperands().size())) {
            if (!(op instanceof RexLiteral lit) || lit.getType().getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
                throw new SqlPlanningException("GROUP BY " + fn + "(...): " + op + " is not a day-time interval literal"
                        + " (an alignment time is not supported yet)");
            }
            intervals.add(lit.getValueAs(Long.class));
        }
        RexBuilder rex = pre.getCluster().getRexBuilder();
        projects.set(g, rex.makeNullLiteral(window.getType()));
        DataStream<Row> rows = in.stream().flatMap(CalcCodegen.calc(rex, inputType, condition, projects))
                .name("Calc[select " + projects + (condition == null ? "" : " where " + condition) + "]");
        int[] windowCols = new int[projects.size()];
        windowCols[g] = WindowRowEmitter.WINDOW_START;
        List<Integer> keys = new ArrayList<>();
        List<Integer> layout = new ArrayList<>();
        for (int c : agg.getGroupSet()) {
            layout.add(c == g ? WindowRowEmitter.WINDOW_START : keys.size());
            if (c != g) {
                keys.add(c);
            }
        }
        AggSpec[] specs = agg.getAggCallList().stream().map(c -> WindowAggTranslator.spec(c, windowCols)).toArray(AggSpec[]::new);
        SqlAggregate aggregate = new SqlAggregate(specs);
        WindowedStream<Row, GroupKey, TimeWindow> windowed = rows
                .keyBy(new GroupKeySelector(keys.stream().mapToInt(Integer::intValue).toArray()))
                .window(assigner(fn, intervals, eventTime));
        if (!eventTime) {
            windowed = windowed.trigger(new ProcessingTimeOrEndTrigger());
        } else {
            windowed = windowed.sideOutputLateData(io.runnel.sql.exec.late.LateRows.TAG);
        }
        DataStream<Row> out = windowed
                .aggregate(aggregate, new WindowRowEmitter(layout.stream().mapToInt(Integer::intValue).toArray(), aggregate, tail))
                .name("GroupWindowAggregate[" + window + (eventTime ? "" : " proctime") + " group " + agg.getGroupSet()
                        + " " + agg.getAggCallList() + "]");
        if (eventTime) {
            streams.lateRowsOf(out, pre.getRowType(), g);
        }
        // the appended rowtime is end - 1 ms, the output records' timestamp: a time attribute of event-time windows
        return new Translated(out, eventTime ? rowtime : -1);
    }

    /** True for the rowtime, false for a proctime column; anything else is an error naming the column. */
    private static boolean timeAttribute(RexCall window, Translated in, String fn, RelDataType inputType) {
        RexNode time = window.getOperands().get(0);
        if (time instanceof RexInputRef ref) {
            if (ref.getIndex() == in.rowtime()) {
                return true;
            }
            if (ref.getIndex() == in.proctime()) {
                return false;
            }
        }
        String name = time instanceof RexInputRef ref ? inputType.getFieldNames().get(ref.getIndex()) : time.toString();
        throw new SqlPlanningException("GROUP BY " + fn + "(" + name + ", ...): " + name + " is not a time attribute"
                + " (a table's WATERMARK FOR column, or a PROCTIME() column)");
    }

    private static WindowAssigner<Object, TimeWindow> assigner(String fn, List<Long> intervals, boolean eventTime) {
        int expected = fn.equals("HOP") ? 2 : 1;
        if (intervals.size() != expected) {
            throw new SqlPlanningException(fn + "(time, " + (fn.equals("HOP") ? "slide, size" : fn.equals("SESSION") ? "gap" : "size")
                    + ") takes " + expected + " interval(s), got " + intervals.size());
        }
        Duration first = Duration.ofMillis(intervals.get(0));
        return switch (fn) {
            case "TUMBLE" -> eventTime ? TumblingEventTimeWindows.of(first) : TumblingProcessingTimeWindows.of(first);
            case "HOP" -> {
                Duration size = Duration.ofMillis(intervals.get(1));
                yield eventTime ? SlidingEventTimeWindows.of(size, first) : SlidingProcessingTimeWindows.of(size, first);
            }
            default -> eventTime ? SessionWindows.withGap(first) : SessionWindows.withProcessingTimeGap(first);
        };
    }
}
