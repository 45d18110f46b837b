package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import org.junit.jupiter.api.Test;

/** Bad and unsupported queries fail at planning, naming what and where. */
class SqlPlanningErrorTest {
    private final SqlEnvironment sql = SqlQueryTest.kit().sqlEnvironment(StreamEnvironment.create().setParallelism(2));

    @Test
    void unknownTableNamesItWithLineAndColumn() {
        assertThatThrownBy(() -> sql.sqlQuery("SELECT id\nFROM bids"))
                .isInstanceOf(SqlPlanningException.class)
                .hasMessageContaining("line 2, column 6")
                .hasMessageContaining("'bids' not found");
    }

    @Test
    void unknownColumnNamesItWithLineAndColumn() {
        assertThatThrownBy(() -> sql.sqlQuery("SELECT id, prize FROM orders"))
                .isInstanceOf(SqlPlanningException.class)
                .hasMessageContaining("line 1, column 12")
                .hasMessageContaining("'prize' not found");
    }

    @Test
    void namesAreCaseSensitive() {
        assertThatThrownBy(() -> sql.sqlQuery("SELECT ID FROM orders"))
                .isInstanceOf(SqlPlanningException.class)
                .hasMessageContaining("'ID' not found");
    }

    @Test
    void parseErrorsGivePosition() {
        assertThatThrownBy(() -> sql.sqlQuery("SELECT id FROM orders WHERE"))
                .isInstanceOf(SqlPlanningException.class)
                .hasMessageContaining("line 1, column 27");
    }

    @Test
    void unsupportedConstructsAreNamed() {
        assertThatThrownBy(() -> sql.sqlQuery("SELECT a.id FROM orders a JOIN orders b ON a.id < b.id"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("a cross join of two streams is not supported");
        assertThatThrownBy(() -> sql.sqlQuery("SELECT id FROM orders ORDER BY id"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("ORDER BY");
        assertThatThrownBy(() -> sql.sqlQuery("SELECT product FROM orders EXCEPT ALL SELECT product FROM orders"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("EXCEPT ALL");
    }

    @Test
    void windowsNeedATimeAttribute() {
        SqlEnvironment noWatermark = new SqlTestKit().table("plain", "id INT, ts TIMESTAMP(3)", null, null, java.util.List.of())
                .sqlEnvironment(StreamEnvironment.create());
        assertThatThrownBy(() -> noWatermark.sqlQuery("SELECT window_start, window_end, COUNT(*) FROM TABLE("
                + "TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("DESCRIPTOR(ts)")
                .hasMessageContaining("not a time attribute");
    }

    @Test
    void explainShowsTheOptimizedAndPhysicalPlansWithParallelism() {
        String plan = sql.explain("SELECT window_start, window_end, COUNT(*) AS n FROM TABLE("
                + "HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))"
                + " WHERE amount > 1 GROUP BY window_start, window_end");
        assertThat(plan).contains("LogicalTableFunctionScan", "== Physical plan ==")
                .containsPattern("WindowAggregate\\[HOP.*\\(parallelism 2, changelog \\[I\\]\\)")
                .containsPattern("Calc\\[.*where.*\\(parallelism 2, changelog \\[I\\]\\)")
                .containsPattern("values\\[orders\\] \\(parallelism 1, changelog \\[I\\]\\)");
    }
}
