package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user-defined aggregate function (Flink's method names) in a GROUP BY, over windows whose slices merge, and over
 * an updating input (its retract), against the same aggregate written in SQL and run by Calcite.
 */
@Timeout(60)
class SqlUserAggregateTest {
    /** The sum of squares, as a Flink AggregateFunction would have it. */
    public static final class SumOfSquares {
        public static final class Acc implements Serializable {
            public long sum;
        }

        public Acc createAccumulator() {
            return new Acc();
        }

        public void accumulate(Acc acc, Long v) {
            if (v != null) {
                acc.sum += v * v;
            }
        }

        public void retract(Acc acc, Long v) {
            if (v != null) {
                acc.sum -= v * v;
            }
        }

        public void merge(Acc acc, Iterable<Acc> others) {
            for (Acc o : others) {
                acc.sum += o.sum;
            }
        }

        public Long getValue(Acc acc) {
            return acc.sum;
        }
    }

    /** Without retract: it cannot take an updating input. */
    public static final class CountOnly {
        public long[] createAccumulator() {
            return new long[1];
        }

        public void accumulate(long[] acc, Long v) {
            acc[0]++;
        }

        public Long getValue(long[] acc) {
            return acc[0];
        }
    }

    private static SqlTestKit kit() {
        return SqlQueryTest.kit().statement("CREATE FUNCTION sumsq AS '" + SumOfSquares.class.getName() + "'")
                .statement("CREATE FUNCTION countonly AS '" + CountOnly.class.getName() + "'");
    }

    private static void sameAs(String ours, String oracle, int parallelism, boolean updating) throws Exception {
        SqlTestKit kit = kit();
        List<Row> expected = kit.oracle(oracle);
        assertThat(expected).isNotEmpty();
        List<Row> out = kit.stream(ours, parallelism);
        assertThat(updating ? io.runnel.sql.oracle.Changelogs.materialize(out) : out).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void groupByWindowsAndUpdatingInput(int parallelism) throws Exception {
        sameAs("SELECT product, sumsq(amount) AS s FROM orders WHERE amount IS NOT NULL GROUP BY product",
                "SELECT product, SUM(CAST(amount AS BIGINT) * amount) AS s FROM orders WHERE amount IS NOT NULL"
                        + " GROUP BY product", parallelism, true);
        // windows whose slices merge: against the built-in SUM over the same windows (itself checked against Calcite
        // without a WHERE, see SqlQueryTest; Calcite's HOP under this WHERE puts a row in one window only)
        String hop = " FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))"
                + " WHERE amount IS NOT NULL GROUP BY window_start, window_end";
        assertThat(kit().stream("SELECT window_start, sumsq(amount) AS s" + hop, parallelism))
                .containsExactlyInAnyOrderElementsOf(kit().stream("SELECT window_start, SUM(CAST(amount AS BIGINT) * amount)"
                        + " AS s" + hop, parallelism)).hasSize(7);
        String top2 = "(SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn"
                + " FROM orders WHERE amount IS NOT NULL) WHERE rn <= 2)";
        sameAs("SELECT product, sumsq(amount) AS s FROM " + top2 + " GROUP BY product",
                "SELECT product, SUM(CAST(amount AS BIGINT) * amount) AS s FROM " + top2 + " GROUP BY product",
                parallelism, true);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void overWindowsAsTheBuiltInOnTheSameFrames(int parallelism) throws Exception {
        for (String frame : List.of("RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
                "RANGE BETWEEN INTERVAL '5' SECOND PRECEDING AND CURRENT ROW")) {
            String over = " OVER (PARTITION BY product ORDER BY ts " + frame + ") AS s FROM orders WHERE amount IS NOT NULL";
            List<Row> ours = kit().stream("SELECT id, sumsq(amount)" + over, parallelism);
            assertThat(ours).as(frame).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(kit().stream("SELECT id, SUM(CAST(amount AS BIGINT) * amount)" + over, parallelism));
        }
    }

    @Test
    void withoutRetractItCannotTakeUpdates() {
        assertThatThrownBy(() -> kit().stream("SELECT product, countonly(amount) FROM (SELECT * FROM (SELECT *,"
                + " ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 1)"
                + " GROUP BY product", 1)).hasStackTraceContaining("has no retract(acc, ...) method");
        assertThat(kit().sqlEnvironment(StreamEnvironment.create()).sqlQuery("SELECT countonly(id) FROM orders"))
                .isNotNull();
    }
}
