package io.runnel.sql.connect.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.testing.CollectSink;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Datagen tables: sequences end the table, random values keep to their bounds, rows depend only on their number. */
@Timeout(60)
class DataGenTableConnectorTest {
    private static final String GEN = "CREATE TABLE gen (id BIGINT, score INT, name STRING, code CHAR(4), price DECIMAL(5, 2),"
            + " flag BOOLEAN, note VARCHAR(10), ratio DOUBLE, ts TIMESTAMP(3), tags ARRAY<INT>) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '0', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '2000',"
            + " 'fields.score.min' = '10', 'fields.score.max' = '20', 'fields.name.length' = '8',"
            + " 'fields.price.min' = '1', 'fields.price.max' = '2', 'fields.note.var-len' = 'true', 'fields.note.null-rate' = '0.5',"
            + " 'fields.ratio.min' = '-1', 'fields.ratio.max' = '1', 'fields.ts.max-past' = '1 min', 'fields.tags.length' = '3')";

    private static List<Row> rows(String ddl, String query, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql(ddl);
        CollectSink<Row> out = new CollectSink<>();
        sql.sqlQuery(query).sinkTo(out);
        env.execute("datagen test");
        return out.results().stream().sorted(Comparator.comparing(r -> ((Number) r.field(0)).longValue())).toList();
    }

    @Test
    void aSequenceEndsTheTableAndRandomColumnsKeepToTheirBounds() throws Exception {
        long before = System.currentTimeMillis();
        List<Row> rows = rows(GEN, "SELECT * FROM gen", 2);
        long after = System.currentTimeMillis();
        assertThat(rows).hasSize(2000);
        int nulls = 0;
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i).fields();
            assertThat(r[0]).isEqualTo(i + 1L);
            assertThat((Integer) r[1]).isBetween(10, 20);
            assertThat((String) r[2]).matches("[0-9a-f]{8}");
            assertThat((String) r[3]).hasSize(4);
            assertThat((BigDecimal) r[4]).isBetween(new BigDecimal("1.00"), new BigDecimal("2.00"));
            assertThat(((BigDecimal) r[4]).scale()).isEqualTo(2);
            assertThat(r[5]).isInstanceOf(Boolean.class);
            if (r[6] == null) {
                nulls++;
            } else {
                assertThat(((String) r[6]).length()).isBetween(1, 10);
            }
            assertThat((Double) r[7]).isBetween(-1.0, 1.0);
            assertThat((Long) r[8]).isBetween(before - 60_000, after);
            assertThat((List<?>) r[9]).hasSize(3).allSatisfy(v -> assertThat(v).isInstanceOf(Integer.class));
        }
        assertThat(nulls).isBetween(800, 1200);
        assertThat(rows.stream().map(r -> r.field(1)).distinct().count()).isEqualTo(11);
        assertThat(rows.stream().map(r -> r.field(5)).distinct().count()).isEqualTo(2);
    }

    @Test
    void rowsAreTheSameAtAnyParallelismAndNumberOfRowsCapsTheSequence() throws Exception {
        String ddl = "CREATE TABLE gen (id INT, v BIGINT, s STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '0',"
                + " 'number-of-rows' = '500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '0', 'fields.id.end' = '100000',"
                + " 'fields.s.length' = '5')";
        List<Row> one = rows(ddl, "SELECT * FROM gen", 1);
        List<Row> three = rows(ddl, "SELECT * FROM gen", 3);
        assertThat(one).hasSize(500).isEqualTo(three);
        assertThat(one.get(499).field(0)).isEqualTo(499);
        assertThat(one.stream().map(r -> r.field(1)).distinct().count()).isEqualTo(500);
    }

    @Test
    void anUnboundedRandomTableFeedsAnEventTimeWindowUpToItsRowCount() throws Exception {
        String ddl = "CREATE TABLE orders (amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
                + " WITH ('connector' = 'datagen', 'rows-per-second' = '0', 'number-of-rows' = '3000',"
                + " 'fields.amount.min' = '1', 'fields.amount.max' = '1')";
        List<Row> windows = rows(ddl, "SELECT SUM(amount), window_start FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '1' DAY)) GROUP BY window_start, window_end", 2);
        assertThat(windows.stream().mapToInt(r -> (Integer) r.field(0)).sum()).isEqualTo(3000);
    }

    @Test
    void theRateLimitHoldsRowsBack() throws Exception {
        String ddl = "CREATE TABLE slow (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '400', 'number-of-rows' = '200')";
        long start = System.nanoTime();
        assertThat(rows(ddl, "SELECT * FROM slow", 2)).hasSize(200);
        // 200 rows at 400 per second cannot arrive in under half a second, however fast the machine
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(450);
    }

    @Test
    void badOptionsNameTheTableColumnAndOption() {
        String cols = "CREATE TABLE g (id INT NOT NULL, b BOOLEAN, s VARCHAR(4)) WITH ('connector' = 'datagen', ";
        assertFails(cols + "'fields.nope.min' = '1')", "table g", "'fields.nope.min' names no physical column");
        assertFails(cols + "'fields.id.minimum' = '1')", "unknown option 'fields.id.minimum'");
        assertFails(cols + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1')", "needs 'fields.id.start' and 'fields.id.end'");
        assertFails(cols + "'fields.id.kind' = 'serial')", "'fields.id.kind' = 'serial' is neither 'random' nor 'sequence'");
        assertFails(cols + "'fields.id.min' = '9', 'fields.id.max' = '3')", "'fields.id.min' = 9 is above max = 3");
        assertFails(cols + "'fields.id.min' = 'x')", "'fields.id.min' = 'x' is not a whole number");
        assertFails(cols + "'fields.b.kind' = 'sequence', 'fields.b.start' = '1', 'fields.b.end' = '2')", "a sequence cannot be of type BOOLEAN");
        assertFails(cols + "'fields.id.length' = '3')", "column id: 'length' does not apply to type INTEGER");
        assertFails(cols + "'fields.id.null-rate' = '0.1')", "column id is NOT NULL");
        assertFails(cols + "'fields.s.length' = '9')", "longer than column s's type VARCHAR(4)");
        assertFails(cols + "'fields.id.start' = '1')", "'fields.id.start' does not apply to a random column");
        assertFails(cols + "'rows-per-second' = '-5')", "'rows-per-second' = '-5' must not be negative");
        assertFails(cols + "'speed' = '3')", "unknown option 'speed'");
    }

    private static void assertFails(String ddl, String... parts) {
        assertThatThrownBy(() -> rows(ddl, "SELECT * FROM g", 1)).satisfies(e -> {
            Throwable t = e;
            while (t.getCause() != null && !t.getMessage().contains("table g")) t = t.getCause();
            assertThat(t.getMessage()).contains(parts);
        });
    }
}
