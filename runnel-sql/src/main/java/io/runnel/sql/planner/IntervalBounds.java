package io.runnel.sql.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * The time bounds of an interval join, read from the conjuncts of a join condition over the joined row: each
 * comparison ({@code <, <=, >, >=}; BETWEEN arrives expanded into two) of the left's time attribute plus or minus a
 * constant interval with the right's, normalized to {@code lower <= tl - tr <= upper} in milliseconds (a strict
 * bound is one millisecond tighter, as timestamps are whole milliseconds). {@code residual}: the conjuncts that are
 * not time bounds.
 */
record IntervalBounds(long lower, long upper, List<RexNode> residual) {
    /** The bounds, or null unless the conjuncts bound {@code tl - tr} from both sides. */
    static IntervalBounds of(List<RexNode> conjuncts, int leftTime, int rightTime) {
        long lower = Long.MIN_VALUE;
        long upper = Long.MAX_VALUE;
        List<RexNode> residual = new ArrayList<>();
        for (RexNode c : conjuncts) {
            long[] bound = bound(c, leftTime, rightTime);
            if (bound == null) {
                residual.add(c);
            } else {
                lower = Math.max(lower, bound[0]);
                upper = Math.min(upper, bound[1]);
            }
        }
        if (lower == Long.MIN_VALUE || upper == Long.MAX_VALUE) {
            return null;
        }
        return new IntervalBounds(lower, upper, residual);
    }

    /** {lower, upper} of {@code tl - tr} one comparison sets (the other end unbounded), or null. */
    private static long[] bound(RexNode c, int leftTime, int rightTime) {
        SqlKind kind = c.getKind();
        if (!(c instanceof RexCall call) || !SqlKind.COMPARISON.contains(kind) || call.getOperands().size() != 2) {
            return null;
        }
        long[] a = term(call.getOperands().get(0), leftTime, rightTime);
        long[] b = term(call.getOperands().get(1), leftTime, rightTime);
        if (a == null || b == null || a[0] == b[0]) {
            return null;
        }
        if (a[0] == 1) { // the right's time on the left of the comparison: swap the sides
            long[] t = a;
            a = b;
            b = t;
            kind = kind.reverse();
        }
        long c0 = b[1] - a[1]; // tl + a <op> tr + b  <=>  tl - tr <op> b - a
        return switch (kind) {
            case LESS_THAN -> new long[] {Long.MIN_VALUE, c0 - 1};
            case LESS_THAN_OR_EQUAL -> new long[] {Long.MIN_VALUE, c0};
            case GREATER_THAN -> new long[] {c0 + 1, Long.MAX_VALUE};
            case GREATER_THAN_OR_EQUAL -> new long[] {c0, Long.MAX_VALUE};
            default -> null; // = and <> bound nothing an interval join can use
        };
    }

    /** {side (0 left, 1 right), offset ms} of {@code time}, {@code time + interval} or {@code time - interval}. */
    private static long[] term(RexNode e, int leftTime, int rightTime) {
        if (e instanceof RexInputRef ref) {
            return ref.getIndex() == leftTime ? new long[] {0, 0} : ref.getIndex() == rightTime ? new long[] {1, 0} : null;
        }
        if (!(e instanceof RexCall call) || call.getOperands().size() != 2) {
            return null;
        }
        boolean minus = e.getKind() == SqlKind.MINUS;
        if (!minus && e.getKind() != SqlKind.PLUS) {
            return null;
        }
        RexNode first = call.getOperands().get(0);
        RexNode second = call.getOperands().get(1);
        if (!minus && interval(first) != null) { // INTERVAL '1' SECOND + ts
            RexNode t = first;
            first = second;
            second = t;
        }
        long[] time = first instanceof RexInputRef ? term(first, leftTime, rightTime) : null;
        Long ms = interval(second);
        if (time == null || ms == null) {
            return null;
        }
        return new long[] {time[0], minus ? -ms : ms};
    }

    private static Long interval(RexNode e) {
        if (e instanceof RexLiteral lit && lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
            return lit.getValueAs(Long.class);
        }
        return null;
    }
}
