package io.runnel.sql.planner;

import io.runnel.sql.catalog.WatermarkDef;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** Reads a WATERMARK clause as a bounded out-of-orderness: {@code ts} or {@code ts - INTERVAL '...' unit}. */
final class WatermarkLag {
    private WatermarkLag() {}

    static long millis(String table, WatermarkDef wm) {
        SqlNode e = wm.expression();
        if (e instanceof SqlIdentifier id && id.getSimple().equals(wm.rowtimeColumn())) {
            return 0;
        }
        if (e instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS
                && call.operand(0) instanceof SqlIdentifier id && id.getSimple().equals(wm.rowtimeColumn())
                && call.operand(1) instanceof SqlIntervalLiteral interval) {
            Long ms = interval.getValueAs(Long.class);
            if (ms != null && ms >= 0) {
                return ms;
            }
        }
        throw new SqlPlanningException("table " + table + ": WATERMARK expression " + e + " at " + e.getParserPosition()
                + " is not supported yet; use " + wm.rowtimeColumn() + " or " + wm.rowtimeColumn() + " - INTERVAL '...' unit");
    }
}
