package io.runnel.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.state.StateTtlConfig;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import io.runnel.testing.OperatorHarness;
import java.time.Duration;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** With a state TTL (table.exec.state.ttl) a GROUP BY forgets a group idle that long: its next row starts it again. */
class GroupAggregateTtlTest {
    private static OperatorHarness<Row, Row> harness(StateTtlConfig ttl) throws Exception {
        SqlAggregate count = new SqlAggregate(new AggSpec[] {new AggSpec(AggSpec.Kind.COUNT, -1, SqlTypeName.BIGINT)}, false);
        return OperatorHarness.of(s -> s.keyBy(new GroupKeySelector(new int[] {0})).process(new GroupAggregateFunction(count, ttl)));
    }

    @Test
    void anIdleGroupStartsAgainAfterItsTtl() throws Exception {
        try (OperatorHarness<Row, Row> h = harness(StateTtlConfig.of(Duration.ofMillis(100)))) {
            h.setProcessingTime(1_000);
            h.processElement(Row.insert("a"), 0);
            h.setProcessingTime(1_050);
            h.processElement(Row.insert("a"), 0);
            h.setProcessingTime(1_200);
            h.processElement(Row.insert("a"), 0);
            assertThat(h.output()).containsExactly(Row.insert("a", 1L), Row.of(RowKind.UPDATE_BEFORE, "a", 1L),
                    Row.of(RowKind.UPDATE_AFTER, "a", 2L), Row.insert("a", 1L));
        }
        try (OperatorHarness<Row, Row> h = harness(StateTtlConfig.DISABLED)) {
            h.setProcessingTime(1_000);
            h.processElement(Row.insert("a"), 0);
            h.setProcessingTime(10_000);
            h.processElement(Row.insert("a"), 0);
            assertThat(h.output()).last().isEqualTo(Row.of(RowKind.UPDATE_AFTER, "a", 2L));
        }
    }
}
