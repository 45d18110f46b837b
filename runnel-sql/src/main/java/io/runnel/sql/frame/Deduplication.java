package io.runnel.sql.frame;

import java.util.List;

/**
 * The two deduplications as the planner's ROW_NUMBER patterns: a Top-1 per key, and a window Top-1 per key whose
 * state the watermark drops. Both select the frame's own columns back, so the helper columns never show.
 */
final class Deduplication {
    private static final String RN = Names.quote("$rn");
    private static final String PROCTIME = Names.quote("$proctime");

    private Deduplication() {}

    /** {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY PROCTIME()) = 1}: the first row to arrive per key. */
    static String firstArrived(DataFrame input, List<String> keys) {
        List<String> cols = input.existing("dropDuplicates", keys);
        String partition = Names.quoteAll(keys.isEmpty() ? cols : keys);
        return "SELECT " + Names.quoteAll(cols) + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY " + partition
                + " ORDER BY " + PROCTIME + ") AS " + RN + " FROM (SELECT *, PROCTIME() AS " + PROCTIME + " FROM " + input.from()
                + ")) WHERE " + RN + " = 1";
    }

    /**
     * Over {@code TUMBLE(input, DESCRIPTOR(eventTime), delay)}: {@code ROW_NUMBER() OVER (PARTITION BY window_start,
     * window_end, keys ORDER BY eventTime) = 1}, a window Top-1 that emits when the window closes and forgets it then.
     */
    static String withinWatermark(DataFrame input, List<String> keys) {
        List<String> cols = input.existing("dropDuplicatesWithinWatermark", keys);
        Watermark wm = input.watermark;
        if (!cols.contains(wm.column())) {
            throw new IllegalArgumentException("dropDuplicatesWithinWatermark: the frame no longer has its event-time column "
                    + Names.quote(wm.column()));
        }
        String partition = "`window_start`, `window_end`, " + Names.quoteAll(keys.isEmpty() ? cols : keys);
        WindowSpec window = new WindowSpec(WindowSpec.Kind.TUMBLE, wm.column(), SqlIntervals.literal(wm.delay()), null, null);
        return "SELECT " + Names.quoteAll(cols) + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY " + partition
                + " ORDER BY " + Names.quote(wm.column()) + ") AS " + RN + " FROM " + window.tableFunction(input.subquery(), List.of())
                + ") WHERE " + RN + " = 1";
    }
}
