package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;
import io.runnel.sql.exec.GroupKeySelector;
import io.runnel.sql.exec.rank.TopNFunction;
import io.runnel.sql.exec.sort.LimitFunction;
import io.runnel.sql.exec.sort.OffsetFilter;
import io.runnel.sql.exec.sort.TemporalSortFunction;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * ORDER BY and LIMIT of a whole stream, as Flink runs them: {@code ORDER BY c ... LIMIT n [OFFSET m]} is a Top-N of
 * one partition (an updating result); {@code LIMIT n} alone passes the first rows of an insert-only input; an ORDER BY
 * without LIMIT must begin with the event-time attribute ascending and emits rows in time order as the watermark
 * passes (any other order of an unbounded stream never ends).
 */
final class SortTranslator {
    private static final GroupKeySelector ONE_PARTITION = new GroupKeySelector(new int[0]);
    private final StreamTranslator streams;

    SortTranslator(StreamTranslator streams) {
        this.streams = streams;
    }

    Translated translate(Sort sort) {
        Translated in = streams.translate(sort.getInput());
        List<RelFieldCollation> keys = sort.getCollation().getFieldCollations();
        long offset = count(sort.offset, 0, "OFFSET");
        long fetch = count(sort.fetch, -1, "LIMIT");
        if (keys.isEmpty()) {
            if (in.mode().isUpdating()) {
                throw new SqlPlanningException("LIMIT without ORDER BY over an updating input (" + in.mode() + ") is not"
                        + " supported: add an ORDER BY to make it a Top-N");
            }
            DataStream<Row> out = in.stream().keyBy(ONE_PARTITION).process(new LimitFunction(offset, fetch))
                    .name("Limit[" + (fetch >= 0 ? fetch : "all") + (offset > 0 ? " offset " + offset : "") + "]");
            return new Translated(out, in.rowtime(), ChangelogMode.INSERT_ONLY, in.window(), in.proctime());
        }
        if (fetch >= 0) {
            boolean numbered = offset > 0;
            TopNFunction fn = new TopNFunction(RankTranslator.order(keys), offset + fetch, in.mode().isUpdating(), numbered,
                    streams.options().stateTtl());
            DataStream<Row> top = in.stream().keyBy(ONE_PARTITION).process(fn)
                    .name("SortLimit[order " + sort.getCollation() + " limit " + fetch + (numbered ? " offset " + offset : "") + "]");
            streams.markMode(top, ChangelogMode.updating());
            DataStream<Row> out = top.flatMap(new OffsetFilter(offset)).name(numbered ? "Offset[" + offset + "]" : "DropRowNumber");
            return Translated.updating(out);
        }
        RelFieldCollation first = keys.get(0);
        if (in.rowtime() < 0 || first.getFieldIndex() != in.rowtime() || first.getDirection().isDescending()
                || offset > 0) {
            throw new SqlPlanningException("ORDER BY without LIMIT must begin with the event-time attribute, ascending"
                    + " (as in Flink; got " + sort.getCollation() + (in.rowtime() < 0 ? ", and the input has no event-time"
                    + " attribute" : "") + "); add a LIMIT to make it a Top-N");
        }
        DataStream<Row> out = in.stream().keyBy(ONE_PARTITION)
                .process(new TemporalSortFunction(in.rowtime(), RankTranslator.order(keys.subList(1, keys.size()))))
                .name("TemporalSort[order " + sort.getCollation() + "]");
        streams.lateRowsOf(out, sort.getInput().getRowType());
        return new Translated(out, in.rowtime());
    }

    private static long count(RexNode n, long none, String clause) {
        if (n == null) {
            return none;
        }
        if (!(n instanceof RexLiteral lit)) {
            throw new SqlPlanningException(clause + " must be a number (got " + n + ")");
        }
        return lit.getValueAs(BigDecimal.class).longValueExact();
    }
}
