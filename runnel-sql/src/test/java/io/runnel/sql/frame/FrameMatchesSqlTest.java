package io.runnel.sql.frame;

import static io.runnel.sql.frame.functions.approx_count_distinct;
import static io.runnel.sql.frame.functions.avg;
import static io.runnel.sql.frame.functions.col;
import static io.runnel.sql.frame.functions.count;
import static io.runnel.sql.frame.functions.countDistinct;
import static io.runnel.sql.frame.functions.expr;
import static io.runnel.sql.frame.functions.lit;
import static io.runnel.sql.frame.functions.max;
import static io.runnel.sql.frame.functions.min;
import static io.runnel.sql.frame.functions.session_window;
import static io.runnel.sql.frame.functions.sum;
import static io.runnel.sql.frame.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each operation of the DataFrame API against the SQL a user would write for it: both run as bounded jobs over the
 * same files, at parallelism 2, and must leave the same table (and a non-empty one, so a case cannot pass by
 * producing nothing on both sides), which must also be what Calcite's batch executor computes for the SQL.
 */
@Timeout(120)
class FrameMatchesSqlTest {
    @TempDir
    static Path dir;
    static FrameTestKit kit;

    @BeforeAll
    static void files() throws Exception {
        kit = new FrameTestKit(dir);
    }

    /** A frame built from the session and the kit's orders frame. */
    interface Build extends BiFunction<StreamingSession, DataFrame, DataFrame> {}

    static Arguments c(String name, Build frame, String sql) {
        return Arguments.of(name, frame, sql);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("select", (s, o) -> o.select("id", "product"), "SELECT id, product FROM orders"),
                c("select columns", (s, o) -> o.select(col("amount").multiply(2).as("twice"), col("id").plus(lit(1L)).as("next")),
                        "SELECT amount * 2 AS twice, id + CAST(1 AS BIGINT) AS `next` FROM orders"),
                c("selectExpr", (s, o) -> o.selectExpr("id", "UPPER(product) AS p", "amount - 1 AS less"),
                        "SELECT id, UPPER(product) AS p, amount - 1 AS less FROM orders"),
                c("where column", (s, o) -> o.where(col("amount").gt(2).and(col("product").notEqual("plum")).or(col("id").equalTo(4))),
                        "SELECT * FROM orders WHERE (amount > 2 AND product <> 'plum') OR id = 4"),
                c("where string and filter", (s, o) -> o.where("amount BETWEEN 2 AND 5").filter(col("id").leq(6).and(col("id").geq(2))),
                        "SELECT * FROM orders WHERE amount BETWEEN 2 AND 5 AND id <= 6 AND id >= 2"),
                c("between, not, isNull", (s, o) -> o.where(col("amount").between(3, 6).not().or(col("product").isNull()))
                                .where(col("ts").isNotNull()),
                        "SELECT * FROM orders WHERE NOT (amount BETWEEN 3 AND 6) OR product IS NULL"),
                c("withColumn new", (s, o) -> o.withColumn("big", col("amount").geq(4)).withColumn("ratio", col("amount").divide(2.0)),
                        "SELECT *, amount >= 4 AS big, amount / 2.0E0 AS ratio FROM orders"),
                c("withColumn replaces", (s, o) -> o.withColumn("amount", col("amount").plus(100).cast("BIGINT")),
                        "SELECT id, product, CAST(amount + 100 AS BIGINT) AS amount, ts FROM orders"),
                c("withColumnRenamed and drop", (s, o) -> o.withColumnRenamed("amount", "qty").drop("ts").drop(col("id")),
                        "SELECT product, amount AS qty FROM orders"),
                c("groupBy agg", (s, o) -> o.groupBy("product").agg(count("*"), sum("amount"), max("amount"), min(col("id")), avg("amount")),
                        "SELECT product, COUNT(*), SUM(amount), MAX(amount), MIN(id), AVG(amount) FROM orders GROUP BY product"),
                c("groupBy count", (s, o) -> o.groupBy(col("product")).count(), "SELECT product, COUNT(*) FROM orders GROUP BY product"),
                c("groupBy sum min max", (s, o) -> o.groupBy("product").sum("amount", "id").join(
                                o.groupBy("product").max("amount").as("m"), "product"),
                        "SELECT a.product, a.s1, a.s2, m.mx FROM (SELECT product, SUM(amount) AS s1, SUM(id) AS s2 FROM orders GROUP BY product) a"
                                + " JOIN (SELECT product, MAX(amount) AS mx FROM orders GROUP BY product) m ON a.product = m.product"),
                c("distinct counts", (s, o) -> o.groupBy("product").agg(countDistinct("amount"), approx_count_distinct("id")),
                        "SELECT product, COUNT(DISTINCT amount), APPROX_COUNT_DISTINCT(id) FROM orders GROUP BY product"),
                c("global agg", (s, o) -> o.agg(count("id"), sum(col("amount").multiply(2))),
                        "SELECT COUNT(id), SUM(amount * 2) FROM orders"),
                c("tumbling window", (s, o) -> o.groupBy(window(col("ts"), "4 seconds"), col("product")).agg(count("*"), sum("amount")),
                        "SELECT window_start, window_end, product, COUNT(*), SUM(amount)"
                                + " FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '4' SECOND)) GROUP BY window_start, window_end, product"),
                c("sliding window", (s, o) -> o.where(col("amount").gt(1)).groupBy(window(col("ts"), "4 seconds", "2 seconds"))
                                .agg(count("*").as("n"), max("amount")),
                        "SELECT window_start, window_end, COUNT(*), MAX(amount)"
                                + " FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '4' SECOND))"
                                + " WHERE amount > 1 GROUP BY window_start, window_end"),
                c("session window", (s, o) -> o.groupBy(session_window(col("ts"), "2 seconds"), col("product")).agg(count("*")),
                        "SELECT window_start, window_end, product, COUNT(*)"
                                + " FROM TABLE(SESSION(TABLE orders PARTITION BY product, DESCRIPTOR(ts), INTERVAL '2' SECOND))"
                                + " GROUP BY window_start, window_end, product"),
                c("dropDuplicates all columns", (s, o) -> o.dropDuplicates(), "SELECT DISTINCT * FROM orders"),
                c("dropDuplicates of a key", (s, o) -> o.dropDuplicates("product").select("product"), "SELECT DISTINCT product FROM orders"),
                c("union", (s, o) -> o.where("id < 3").union(o.where("id > 7")),
                        "SELECT * FROM orders WHERE id < 3 UNION ALL SELECT * FROM orders WHERE id > 7"),
                c("orderBy limit", (s, o) -> o.orderBy(col("amount").desc(), col("id").asc()).limit(3).select("id", "amount"),
                        "SELECT id, amount FROM (SELECT * FROM orders ORDER BY amount DESC, id ASC LIMIT 3)"),
                c("orderBy event time", (s, o) -> o.select("id", "ts").orderBy("ts"), "SELECT id, ts FROM orders ORDER BY ts"),
                c("stream-static join", (s, o) -> o.join(kit.products(s), col("product").equalTo(expr("name")))
                                .select(col("id"), col("category"), col("amount").multiply(col("price")).as("cost")),
                        "SELECT id, category, amount * price AS cost FROM orders JOIN products ON product = name"),
                c("stream-static left join", (s, o) -> {
                            DataFrame p = kit.products(s);
                            return o.join(p, o.col("product").equalTo(p.col("name")), "left_outer").select(o.col("id"), p.col("category"));
                        },
                        "SELECT o.id, p.category FROM orders o LEFT JOIN products p ON o.product = p.name"),
                c("interval join", (s, o) -> {
                            DataFrame sh = kit.shipments(s);
                            return o.join(sh, o.col("id").equalTo(sh.col("order_id"))
                                            .and(sh.col("ts").between(o.col("ts"), o.col("ts").plus(functions.interval("3 seconds")))))
                                    .select(o.col("id"), sh.col("carrier"));
                        },
                        "SELECT o.id, s.carrier FROM orders o JOIN shipments s ON o.id = s.order_id"
                                + " AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '3' SECOND"),
                c("session.sql and table", (s, o) -> {
                            o.createTempView("o");
                            return s.sql("SELECT product, amount FROM o WHERE amount > 2").where("product = 'apple'")
                                    .union(s.table("o").select("product", "amount").where("amount = 1"));
                        },
                        "SELECT product, amount FROM orders WHERE (amount > 2 AND product = 'apple') OR amount = 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void frameGivesTheRowsOfItsSql(String name, Build build, String sql) throws Exception {
        List<Row> expected = kit.sql(2, sql);
        assertThat(expected).as("the SQL's rows").isNotEmpty();
        List<Row> got = FrameTestKit.frame(2, s -> build.apply(s, kit.orders(s)));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
        if (!NOT_IN_BATCH.contains(name)) {
            assertThat(got).as("Calcite's batch result").containsExactlyInAnyOrderElementsOf(BatchOracle.rows(kit, sql));
        }
    }

    /**
     * Cases Calcite's batch executor does not run right: it refuses SESSION's PARTITION BY ("only tables with set
     * semantics may be partitioned"), and its HOP under a WHERE loses rows (4 rows with amount > 1 in [10:00:00,
     * 10:00:04) count 3 there); FrameStreamingTest checks the sliding window against counts worked out by hand.
     */
    static final java.util.Set<String> NOT_IN_BATCH = java.util.Set.of("sliding window", "session window");
}
