package io.runnel.sql.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.testing.CollectSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a frame and the SQL it should equal as bounded jobs of their own, over the same files, and folds each changelog
 * into its final table.
 */
final class FrameTestKit {
    /**
     * Orders, in file order; products repeat, one row is a full duplicate of another (id 3). Event times never go back,
     * so no row is late whatever batches the watermarks are emitted at: results do not depend on timing.
     */
    static final List<String> ORDERS = List.of(
            "{\"id\":1,\"product\":\"apple\",\"amount\":3,\"ts\":\"2026-12-05 10:00:00\"}",
            "{\"id\":2,\"product\":\"pear\",\"amount\":1,\"ts\":\"2026-12-05 10:00:01\"}",
            "{\"id\":3,\"product\":\"apple\",\"amount\":5,\"ts\":\"2026-12-05 10:00:02\"}",
            "{\"id\":3,\"product\":\"apple\",\"amount\":5,\"ts\":\"2026-12-05 10:00:02\"}",
            "{\"id\":4,\"product\":\"plum\",\"amount\":4,\"ts\":\"2026-12-05 10:00:03\"}",
            "{\"id\":5,\"product\":\"pear\",\"amount\":7,\"ts\":\"2026-12-05 10:00:04\"}",
            "{\"id\":6,\"product\":\"apple\",\"amount\":2,\"ts\":\"2026-12-05 10:00:05\"}",
            "{\"id\":7,\"product\":\"plum\",\"amount\":6,\"ts\":\"2026-12-05 10:00:07\"}",
            "{\"id\":8,\"product\":\"pear\",\"amount\":3,\"ts\":\"2026-12-05 10:00:08\"}",
            "{\"id\":9,\"product\":\"apple\",\"amount\":1,\"ts\":\"2026-12-05 10:00:12\"}");
    static final String ORDER_COLUMNS = "id INT, product STRING, amount INT, ts TIMESTAMP(3)";
    /** Shipments of some orders, a few seconds after them. */
    static final List<String> SHIPMENTS = List.of(
            "{\"order_id\":1,\"carrier\":\"ups\",\"ts\":\"2026-12-05 10:00:02\"}",
            "{\"order_id\":4,\"carrier\":\"ups\",\"ts\":\"2026-12-05 10:00:04\"}",
            "{\"order_id\":7,\"carrier\":\"dhl\",\"ts\":\"2026-12-05 10:00:06\"}",
            "{\"order_id\":2,\"carrier\":\"dhl\",\"ts\":\"2026-12-05 10:00:09\"}",
            "{\"order_id\":8,\"carrier\":\"ups\",\"ts\":\"2026-12-05 10:00:11\"}");
    static final String SHIPMENT_COLUMNS = "order_id INT, carrier STRING, ts TIMESTAMP(3)";
    /** A static table of products. */
    static final List<String> PRODUCTS = List.of("apple,fruit,0.5", "pear,fruit,0.75", "kiwi,exotic,1.25");
    static final String PRODUCT_COLUMNS = "name STRING, category STRING, price DOUBLE";

    final Path orders;
    final Path shipments;
    final Path products;

    FrameTestKit(Path dir) throws IOException {
        orders = write(dir.resolve("orders"), "orders.json", ORDERS);
        shipments = write(dir.resolve("shipments"), "shipments.json", SHIPMENTS);
        products = write(dir.resolve("products"), "products.csv", PRODUCTS);
    }

    private static Path write(Path folder, String file, List<String> lines) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(file), lines);
        return folder;
    }

    /** The orders frame of a session, with the watermark one second behind {@code ts}. */
    DataFrame orders(StreamingSession s) {
        return s.readStream().format("json").schema(ORDER_COLUMNS).load(orders.toString()).withWatermark("ts", "1 second");
    }

    DataFrame shipments(StreamingSession s) {
        return s.readStream().format("json").schema(SHIPMENT_COLUMNS).load(shipments.toString()).withWatermark("ts", "1 second");
    }

    DataFrame products(StreamingSession s) {
        return s.read().format("csv").schema(PRODUCT_COLUMNS).load(products.toString());
    }

    /** The SQL catalog the equivalent queries read: orders, shipments, products as CREATE TABLE declares them. */
    void declare(SqlEnvironment sql) {
        sql.executeSql("CREATE TEMPORARY TABLE orders (" + ORDER_COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
                + "'connector' = 'filesystem', 'format' = 'json', 'path' = '" + orders + "')");
        sql.executeSql("CREATE TEMPORARY TABLE shipments (" + SHIPMENT_COLUMNS + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
                + "'connector' = 'filesystem', 'format' = 'json', 'path' = '" + shipments + "')");
        sql.executeSql("CREATE TEMPORARY TABLE products (" + PRODUCT_COLUMNS + ") WITH ("
                + "'connector' = 'filesystem', 'format' = 'csv', 'path' = '" + products + "')");
    }

    /** The final table of the frame {@code build} makes in a new session, run at {@code parallelism}. */
    static List<Row> frame(int parallelism, Function<StreamingSession, DataFrame> build) throws Exception {
        return io.runnel.sql.oracle.Changelogs.materialize(changelog(parallelism, build));
    }

    /** The changelog of the frame {@code build} makes in a new session, run at {@code parallelism}. */
    static List<Row> changelog(int parallelism, Function<StreamingSession, DataFrame> build) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        StreamingSession session = StreamingSession.create(env);
        return run(env, build.apply(session).toChangelogStream());
    }

    /** The final table of {@code query} over {@link #declare}'s tables, run at {@code parallelism}. */
    List<Row> sql(int parallelism, String query) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        SqlEnvironment sql = SqlEnvironment.create(env);
        declare(sql);
        return io.runnel.sql.oracle.Changelogs.materialize(run(env, sql.toChangelogStream(query)));
    }

    private static List<Row> run(StreamEnvironment env, io.runnel.api.DataStream<Row> rows) throws Exception {
        CollectSink<Row> sink = new CollectSink<>();
        rows.sinkTo(sink);
        env.execute("frame test");
        List<Row> changelog = sink.results();
        sink.clear();
        return changelog;
    }

    /** Epoch milliseconds of {@code 2026-12-05 hh:mm:ss} UTC, as rows hold TIMESTAMP(3). */
    static long ts(String time) {
        return LocalDateTime.parse("2026-12-05T" + time).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
