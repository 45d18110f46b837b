package io.runnel.sql.frame;

import static io.runnel.sql.frame.functions.col;
import static io.runnel.sql.frame.functions.count;
import static io.runnel.sql.frame.functions.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.broker.RunnelBroker;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.testing.CollectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** readStream of each source format, against the rows written to it (or the same table declared in SQL). */
@Timeout(120)
class FrameSourcesTest {
    @TempDir
    Path dir;

    @Test
    void jsonFilesOfAFolder() throws Exception {
        Files.write(dir.resolve("a.json"), List.of("{\"k\":\"x\",\"n\":1}", "{\"k\":\"y\",\"n\":2}"));
        Files.write(dir.resolve("b.json"), List.of("{\"k\":\"x\",\"n\":3}"));
        List<Row> got = FrameTestKit.frame(2, s -> s.readStream().format("json").schema("k STRING, n BIGINT").load(dir.toString())
                .groupBy("k").sum("n"));
        assertThat(got).containsExactlyInAnyOrder(Row.insert("x", 4L), Row.insert("y", 2L));
    }

    @Test
    void socketLinesAreColumnValue() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (java.net.Socket s = server.accept(); var out = new java.io.PrintWriter(s.getOutputStream(), true)) {
                    out.println("apache spark");
                    out.println("apache flink");
                    out.println("apache spark");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            peer.start();
            int port = server.getLocalPort();
            List<Row> got = FrameTestKit.frame(2, s -> s.readStream().format("socket").option("host", "127.0.0.1").option("port", port).load()
                    .groupBy("value").count());
            peer.join(10_000);
            assertThat(got).containsExactlyInAnyOrder(Row.insert("apache spark", 2L), Row.insert("apache flink", 1L));
        }
    }

    @Test
    void textLinesAreColumnValue() throws Exception {
        Files.write(dir.resolve("lines.txt"), List.of("to be", "or not"));
        List<Row> got = FrameTestKit.frame(1, s -> s.readStream().text(dir.toString()).withColumn("len", functions.expr("CHAR_LENGTH(`value`)")));
        assertThat(got).containsExactlyInAnyOrder(Row.insert("to be", 5), Row.insert("or not", 6));
    }

    @Test
    void rateGivesTimestampAndCountingValue() throws Exception {
        List<Row> got = FrameTestKit.frame(1, s -> s.readStream().format("rate").option("rowsPerSecond", 0).option("numRows", 5).load());
        assertThat(got).extracting(r -> r.field(1)).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
        assertThat(got).allSatisfy(r -> assertThat(r.field(0)).isNotNull());
    }

    @Test
    void nexmarkBidsInWindowsMatchTheirSql() throws Exception {
        List<Row> frame = FrameTestKit.frame(2, s -> s.readStream().format("nexmark").option("events", 2000).load("bid")
                .withWatermark("dateTime", "2 seconds").where(col("price").gt(100))
                .groupBy(window(col("dateTime"), "1 second"), col("auction")).agg(count("*").as("bids")));
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql("CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,"
                + " `dateTime` TIMESTAMP(3), extra STRING, WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '2' SECOND)"
                + " WITH ('connector' = 'nexmark', 'table' = 'bid', 'events' = '2000')");
        CollectSink<Row> sink = new CollectSink<>();
        sql.toChangelogStream("SELECT window_start, window_end, auction, COUNT(*) AS bids"
                + " FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '1' SECOND)) WHERE price > 100"
                + " GROUP BY window_start, window_end, auction").sinkTo(sink);
        env.execute("nexmark sql");
        List<Row> expected = io.runnel.sql.oracle.Changelogs.materialize(sink.results());
        sink.clear();
        assertThat(expected).isNotEmpty();
        assertThat(frame).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void kafkaTopicWithSparksColumnsAndWithASchema() throws Exception {
        try (RunnelBroker broker = RunnelBroker.start(Map.of("port", "0", "log.dirs", dir.resolve("broker").toString()))) {
            String bootstrap = broker.bootstrapServers();
            String topic = "frame-orders-" + Long.toHexString(System.nanoTime());
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            }
            Map<String, Object> p = Map.of("bootstrap.servers", bootstrap, "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                producer.send(new ProducerRecord<>(topic, "k1", "{\"id\":1,\"product\":\"apple\",\"amount\":3}"));
                producer.send(new ProducerRecord<>(topic, "k2", "{\"id\":2,\"product\":\"pear\",\"amount\":1}"));
                producer.send(new ProducerRecord<>(topic, "k3", "{\"id\":3,\"product\":\"apple\",\"amount\":5}"));
            }
            Map<String, String> spark = Map.of("kafka.bootstrap.servers", bootstrap, "subscribe", topic,
                    "startingOffsets", "earliest", "endingOffsets", "latest");

            List<Row> raw = FrameTestKit.frame(2, s -> s.readStream().format("kafka").options(spark).load()
                    .select(col("key"), col("value"), col("topic"), col("offset").geq(0L).as("has_offset")));
            assertThat(raw).containsExactlyInAnyOrder(
                    Row.insert("k1", "{\"id\":1,\"product\":\"apple\",\"amount\":3}", topic, true),
                    Row.insert("k2", "{\"id\":2,\"product\":\"pear\",\"amount\":1}", topic, true),
                    Row.insert("k3", "{\"id\":3,\"product\":\"apple\",\"amount\":5}", topic, true));

            List<Row> typed = FrameTestKit.frame(2, s -> s.readStream().format("kafka").options(spark)
                    .schema("id INT, product STRING, amount INT").load().groupBy("product").sum("amount"));
            assertThat(typed).containsExactlyInAnyOrder(Row.insert("apple", 8), Row.insert("pear", 1));
        }
    }
}
