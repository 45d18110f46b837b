package io.runnel.sql.connect.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.broker.RunnelBroker;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.script.CollectConnector;
import io.runnel.sql.script.SqlScriptRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka and upsert-kafka tables against the embedded broker, records written and read by the official Kafka client.
 * With {@code -Drunnel.kafka.bootstrap=HOST:PORT} they run against another broker (Apache Kafka from the anchor's
 * start script) to calibrate.
 */
@Timeout(120)
class KafkaTableTest {
    @TempDir
    static Path dir;
    static RunnelBroker broker;
    static String bootstrap;

    @BeforeAll
    static void start() throws Exception {
        String external = System.getProperty("runnel.kafka.bootstrap");
        broker = external == null ? RunnelBroker.start(Map.of("port", "0", "log.dirs", dir.toString())) : null;
        bootstrap = external == null ? broker.bootstrapServers() : external;
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static final String SUFFIX = Long.toHexString(System.nanoTime());

    private static String topic(String base, int partitions) throws Exception {
        String name = base + "-" + SUFFIX;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        return name;
    }

    private static void produce(String topic, List<String[]> keyValueTs) {
        Map<String, Object> p = Map.of("bootstrap.servers", bootstrap, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String[] r : keyValueTs) {
                producer.send(new ProducerRecord<>(topic, null, Long.parseLong(r[2]), r[0], r[1]));
            }
        }
    }

    /** Every record of the topic as key, value (null for tombstones), in partition order. */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> p = Map.of("bootstrap.servers", bootstrap, "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(), "isolation.level", "read_committed");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                assertThat(System.currentTimeMillis()).as("reading " + topic).isLessThan(deadline);
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            return out;
        }
    }

    private static void run(String script, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        env.setParallelism(parallelism);
        new SqlScriptRunner(SqlEnvironment.create(env), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                q -> { }).run("kafka.sql", script);
        env.execute("kafka table test");
    }

    private static final List<String[]> ORDERS = List.of(
            new String[] {"k1", "{\"id\":1,\"product\":\"apple\",\"amount\":3,\"ts\":\"2026-12-05 10:00:00\"}", "1000"},
            new String[] {"k2", "{\"id\":2,\"product\":\"pear\",\"amount\":1,\"ts\":\"2026-12-05 10:00:01\"}", "2000"},
            new String[] {"k3", "{\"id\":3,\"product\":\"apple\",\"amount\":5,\"ts\":\"2026-12-05 10:00:02\"}", "3000"},
            new String[] {"k4", "{\"id\":4,\"product\":\"plum\",\"amount\":4,\"ts\":\"2026-12-05 10:00:03\"}", "4000"},
            new String[] {"k5", "{\"id\":5,\"product\":\"pear\",\"amount\":7,\"ts\":\"2026-12-05 10:00:04\"}", "5000"});

    private static String ordersTable(String topic) {
        return "CREATE TABLE orders (k STRING, id INT, product STRING, amount INT, ts TIMESTAMP(3),"
                + " `partition` INT METADATA VIRTUAL, `offset` BIGINT METADATA VIRTUAL,"
                + " kafka_ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', t AS `topic`, `topic` STRING METADATA VIRTUAL,"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka', 'topic' = '" + topic + "',"
                + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.bounded.mode' = 'latest-offset', 'key.format' = 'raw', 'key.fields' = 'k',"
                + " 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY');\n";
    }

    @Test
    void keyValueAndMetadataColumnsAreRead() throws Exception {
        String topic = topic("orders-meta", 2);
        produce(topic, ORDERS);
        run(ordersTable(topic) + "CREATE TABLE got (k STRING, id INT, amount INT, p INT, o BIGINT, kts TIMESTAMP_LTZ(3), t STRING)"
                + " WITH ('connector' = 'collect', 'sink-id' = 'kafka-meta');\n"
                + "INSERT INTO got SELECT k, id, amount, `partition`, `offset`, kafka_ts, t FROM orders;\n", 2);
        List<Row> got = CollectConnector.rows("kafka-meta");
        Map<String, ConsumerRecord<String, String>> records = new HashMap<>();
        readAll(topic).forEach(r -> records.put(r.key(), r));
        assertThat(got).hasSize(5);
        for (Row r : got) {
            ConsumerRecord<String, String> rec = records.get((String) r.field(0));
            assertThat(r.field(3)).isEqualTo(rec.partition());
            assertThat(r.field(4)).isEqualTo(rec.offset());
            assertThat(r.field(5)).isEqualTo(rec.timestamp());
            assertThat(r.field(6)).isEqualTo(topic);
            assertThat(rec.value()).contains("\"id\":" + r.field(1) + ",");
        }
    }

    @Test
    void aTopicPatternReadsEveryTopicItMatches() throws Exception {
        String east = topic("region.east", 1);
        String west = topic("region.west", 2);
        String other = topic("elsewhere", 1);
        produce(east, ORDERS.subList(0, 2));
        produce(west, ORDERS.subList(2, 5));
        produce(other, ORDERS);
        String pattern = "region\\..*-" + SUFFIX;
        run("CREATE TABLE orders (id INT, `topic` STRING METADATA VIRTUAL) WITH ('connector' = 'kafka', 'topic-pattern' = '" + pattern + "',"
                + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.bounded.mode' = 'latest-offset', 'format' = 'json');\n"
                + "CREATE TABLE got (id INT, t STRING) WITH ('connector' = 'collect', 'sink-id' = 'kafka-pattern');\n"
                + "INSERT INTO got SELECT id, `topic` FROM orders;\n", 2);
        assertThat(CollectConnector.rows("kafka-pattern")).containsExactlyInAnyOrder(Row.insert(1, east), Row.insert(2, east),
                Row.insert(3, west), Row.insert(4, west), Row.insert(5, west));
        assertThatThrownBy(() -> run("CREATE TABLE unmatched (id INT) WITH ('connector' = 'kafka', 'topic-pattern' = 'nothing-matches-.*',"
                + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'scan.bounded.mode' = 'latest-offset', 'format' = 'json');\n"
                + "CREATE TABLE got2 (id INT) WITH ('connector' = 'collect', 'sink-id' = 'kafka-none');\n"
                + "INSERT INTO got2 SELECT id FROM unmatched;\n", 1)).hasStackTraceContaining("no topic matches the pattern 'nothing-matches-.*'");
        assertThatThrownBy(() -> run("CREATE TABLE both_ (id INT) WITH ('connector' = 'kafka', 'topic' = 'a', 'topic-pattern' = 'b',"
                + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'format' = 'json');\n"
                + "CREATE TABLE got3 (id INT) WITH ('connector' = 'collect', 'sink-id' = 'kafka-both');\n"
                + "INSERT INTO got3 SELECT id FROM both_;\n", 1)).hasStackTraceContaining("set 'topic' or 'topic-pattern', not both");
    }

    @Test
    void anUpsertTableIsWrittenAndReadBackAsItsFinalTable() throws Exception {
        String in = topic("orders-up", 2);
        String out = topic("totals-up", 3);
        produce(in, ORDERS);
        String totals = "CREATE TABLE totals (product STRING, n BIGINT, total BIGINT, PRIMARY KEY (product) NOT ENFORCED)"
                + " WITH ('connector' = 'upsert-kafka', 'topic' = '" + out + "', 'properties.bootstrap.servers' = '" + bootstrap
                + "', 'key.format' = 'json', 'value.format' = 'json', 'scan.bounded.mode' = 'latest-offset');\n";
        run(ordersTable(in) + totals + "INSERT INTO totals SELECT product, COUNT(*), SUM(amount) FROM orders GROUP BY product;\n", 2);

        // what a plain Kafka consumer sees: the key's row each time it changed, the last one its final value
        Map<String, String> last = new LinkedHashMap<>();
        int records = 0;
        for (ConsumerRecord<String, String> r : readAll(out)) {
            last.put(r.key(), r.value());
            records++;
        }
        assertThat(last).containsOnly(
                Map.entry("{\"product\":\"apple\"}", "{\"product\":\"apple\",\"n\":2,\"total\":8}"),
                Map.entry("{\"product\":\"pear\"}", "{\"product\":\"pear\",\"n\":2,\"total\":8}"),
                Map.entry("{\"product\":\"plum\"}", "{\"product\":\"plum\",\"n\":1,\"total\":4}"));
        assertThat(records).as("one record per insert or update, none for update-before").isEqualTo(5);

        // a tombstone deletes the key; reading the table normalizes the upserts into a changelog
        produce(out, List.<String[]>of(new String[] {"{\"product\":\"plum\"}", null, "6000"}));
        run(totals + "CREATE TABLE back (product STRING, n BIGINT, total BIGINT) WITH ('connector' = 'collect',"
                + " 'sink-id' = 'kafka-up-back', 'changes' = 'true');\n"
                + "INSERT INTO back SELECT * FROM totals;\n", 2);
        assertThat(fold(CollectConnector.rows("kafka-up-back"))).containsExactlyInAnyOrder(
                Row.insert("apple", 2L, 8L), Row.insert("pear", 2L, 8L));
    }

    @Test
    void anExactlyOnceKafkaSinkWritesEachRowOnce() throws Exception {
        String in = topic("orders-eo", 1);
        String out = topic("big-eo", 2);
        produce(in, ORDERS);
        run(ordersTable(in) + "CREATE TABLE big (id INT, product STRING, ts TIMESTAMP(3), kts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp')"
                + " WITH ('connector' = 'kafka', 'topic' = '" + out + "', 'properties.bootstrap.servers' = '" + bootstrap + "',"
                + " 'format' = 'csv', 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'kafka-table-test');\n"
                + "INSERT INTO big SELECT id, product, ts, kafka_ts FROM orders WHERE amount > 2;\n", 1);
        List<ConsumerRecord<String, String>> got = readAll(out);
        assertThat(got).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
                "1,apple,\"2026-12-05 10:00:00\"".replace("\"", ""), "3,apple,2026-12-05 10:00:02", "4,plum,2026-12-05 10:00:03",
                "5,pear,2026-12-05 10:00:04");
        assertThat(got).extracting(ConsumerRecord::timestamp).containsExactlyInAnyOrder(1000L, 3000L, 4000L, 5000L);
    }

    /** The orders table read from {@code startup} (options after 'scan.startup.mode'), its ids as read. */
    private static List<Object> idsFrom(String topic, String startup, String sinkId) throws Exception {
        return idsFrom(topic, startup, sinkId, false);
    }

    /** {@code replacesBounds}: the options given replace the table's startup and bounded modes both. */
    private static List<Object> idsFrom(String topic, String startup, String sinkId, boolean replacesBounds) throws Exception {
        String table = replacesBounds
                ? ordersTable(topic).replace("'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'", startup)
                : ordersTable(topic).replace("'scan.startup.mode' = 'earliest-offset'", startup);
        run(table + "CREATE TABLE got (id INT) WITH ('connector' = 'collect', 'sink-id' = '" + sinkId + "');\n"
                + "INSERT INTO got SELECT id FROM orders;\n", 1);
        return CollectConnector.rows(sinkId).stream().map(r -> r.field(0)).sorted().toList();
    }

    @Test
    void startupAtATimestampOrAtGivenOffsets() throws Exception {
        String topic = topic("orders-startup", 2);
        Map<String, Object> p = Map.of("bootstrap.servers", bootstrap, "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < ORDERS.size(); i++) { // ids 1, 3, 5 in partition 0 (offsets 0-2), 2, 4 in partition 1
                String[] r = ORDERS.get(i);
                producer.send(new ProducerRecord<>(topic, i % 2, Long.parseLong(r[2]), r[0], r[1]));
            }
        }
        assertThat(idsFrom(topic, "'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '3000'", "kafka-ts"))
                .containsExactly(3, 4, 5);
        assertThat(idsFrom(topic, "'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '9000'", "kafka-ts-late"))
                .as("no record that late: every partition from its end").isEmpty();
        assertThat(idsFrom(topic, "'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:0,offset:2'",
                "kafka-offsets")).as("partition 1 from its first").containsExactly(2, 4, 5);
        assertThat(idsFrom(topic, "'scan.startup.mode' = 'specific-offsets',"
                + " 'scan.startup.specific-offsets' = 'partition:0,offset:1;partition:1,offset:1'", "kafka-offsets-2"))
                .containsExactly(3, 4, 5);
        assertThatThrownBy(() -> idsFrom(topic, "'scan.startup.mode' = 'timestamp'", "kafka-x"))
                .hasStackTraceContaining("'scan.startup.mode' = 'timestamp' needs 'scan.startup.timestamp-millis'");
        assertThatThrownBy(() -> idsFrom(topic, "'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = 'noon'", "kafka-x"))
                .hasStackTraceContaining("'scan.startup.timestamp-millis' = 'noon' is not milliseconds since the epoch");
        assertThatThrownBy(() -> idsFrom(topic, "'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'p0:42'", "kafka-x"))
                .hasStackTraceContaining("'scan.startup.specific-offsets': 'p0:42' is not 'partition:P,offset:O'");
        assertThatThrownBy(() -> idsFrom(topic, "'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:7,offset:0'", "kafka-x"))
                .hasStackTraceContaining("a starting offset is given for " + topic + "-7, which is not a partition of");
        assertThatThrownBy(() -> idsFrom(topic, "'scan.startup.mode' = 'earliest-offset', 'scan.startup.timestamp-millis' = '1'", "kafka-x"))
                .hasStackTraceContaining("'scan.startup.timestamp-millis' needs 'scan.startup.mode' = 'timestamp'");
        // bounded the same ways: before the first record at a timestamp, or before given offsets
        String earliest = "'scan.startup.mode' = 'earliest-offset', ";
        assertThat(idsFrom(topic, earliest + "'scan.bounded.mode' = 'timestamp', 'scan.bounded.timestamp-millis' = '3000'",
                "kafka-stop-ts", true)).containsExactly(1, 2);
        assertThat(idsFrom(topic, earliest + "'scan.bounded.mode' = 'specific-offsets', 'scan.bounded.specific-offsets' = 'partition:0,offset:1'",
                "kafka-stop-offsets", true)).as("partition 1 to its end").containsExactly(1, 2, 4);
        assertThatThrownBy(() -> idsFrom(topic, earliest + "'scan.bounded.mode' = 'timestamp'", "kafka-x", true))
                .hasStackTraceContaining("'scan.bounded.mode' = 'timestamp' needs 'scan.bounded.timestamp-millis'");
    }

    /** Writes the orders into a new 3-partition topic with {@code partitioner}; the partitions the rows went to. */
    private static java.util.Set<Integer> partitionsWritten(String source, String partitioner) throws Exception {
        String out = topic("orders-" + partitioner.replaceAll("[^A-Za-z0-9-]", "-"), 3);
        run(ordersTable(source) + "CREATE TABLE o (k STRING, id INT) WITH ('connector' = 'kafka', 'topic' = '" + out + "',"
                + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'key.format' = 'raw', 'key.fields' = 'k',"
                + " 'value.format' = 'json', 'sink.partitioner' = '" + partitioner + "');\n"
                + "INSERT INTO o SELECT k, id FROM orders;\n", 1);
        List<ConsumerRecord<String, String>> records = readAll(out);
        assertThat(records).hasSize(ORDERS.size());
        return records.stream().map(ConsumerRecord::partition).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void sinkPartitionersAsFlinksFixedAndRoundRobin() throws Exception {
        String source = topic("orders-to-partition", 1);
        produce(source, ORDERS);
        assertThat(partitionsWritten(source, "default")).as("five keys hashed over three partitions").hasSizeGreaterThan(1);
        assertThat(partitionsWritten(source, "fixed")).as("the one sink subtask writes to partition 0").containsExactly(0);
        assertThat(partitionsWritten(source, "round-robin")).hasSizeGreaterThan(1);
        assertThat(partitionsWritten(source, LastPartition.class.getName())).as("a Kafka Partitioner class").containsExactly(2);
        assertThatThrownBy(() -> partitionsWritten(source, "com.example.MyPartitioner"))
                .hasStackTraceContaining("'sink.partitioner' = 'com.example.MyPartitioner' is not a partitioner (default, fixed, round-robin");
        assertThatThrownBy(() -> partitionsWritten(source, String.class.getName()))
                .hasStackTraceContaining("the class must implement org.apache.kafka.clients.producer.Partitioner");
    }

    @Test
    void aBadRecordIsNamedByTopicPartitionAndOffset() throws Exception {
        String topic = topic("orders-bad", 1);
        produce(topic, List.of(ORDERS.get(0), new String[] {"k9", "{\"id\": oops}", "9000"}));
        String sink = "CREATE TABLE got (id INT) WITH ('connector' = 'collect', 'sink-id' = 'kafka-bad');\n"
                + "INSERT INTO got SELECT id FROM orders;\n";
        assertThatThrownBy(() -> run(ordersTable(topic) + sink, 1))
                .hasStackTraceContaining("table orders: record at offset 1 of " + topic + "-0: format 'json': malformed JSON");
    }

    @Test
    void badTablesAreRejectedWithTheirReason() throws Exception {
        String topic = topic("orders-errors", 1);
        String upsertNoKey = "CREATE TABLE t (a STRING, n BIGINT) WITH ('connector' = 'upsert-kafka', 'topic' = 'x',"
                + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'key.format' = 'json', 'value.format' = 'json');\n";
        assertThatThrownBy(() -> run(ordersTable(topic) + upsertNoKey
                + "INSERT INTO t SELECT product, COUNT(*) FROM orders GROUP BY product;\n", 1))
                .hasStackTraceContaining("an upsert-kafka table needs a PRIMARY KEY");
        String appendOnly = "CREATE TABLE t (a STRING, n BIGINT) WITH ('connector' = 'kafka', 'topic' = 'x',"
                + " 'properties.bootstrap.servers' = '" + bootstrap + "', 'format' = 'json');\n";
        assertThatThrownBy(() -> run(ordersTable(topic) + appendOnly
                + "INSERT INTO t SELECT product, COUNT(*) FROM orders GROUP BY product;\n", 1))
                .hasStackTraceContaining("connector 'kafka' takes only inserts");
        assertThatThrownBy(() -> run(ordersTable(topic) + "CREATE TABLE t (a STRING, o BIGINT METADATA FROM 'offset') WITH ("
                + "'connector' = 'kafka', 'topic' = 'x', 'properties.bootstrap.servers' = '" + bootstrap + "', 'format' = 'json');\n"
                + "INSERT INTO t SELECT product, id FROM orders;\n", 1))
                .hasStackTraceContaining("metadata 'offset' cannot be written");
        assertThatThrownBy(() -> run(ordersTable(topic) + "CREATE TABLE t (a STRING) WITH ('connector' = 'kafka', 'topic' = 'x',"
                + " 'format' = 'json');\nINSERT INTO t SELECT product FROM orders;\n", 1))
                .hasStackTraceContaining("table t (connector 'kafka'): needs option 'properties.bootstrap.servers'");
        assertThatThrownBy(() -> run("CREATE TABLE t (a STRING, b STRING METADATA FROM 'nope') WITH ('connector' = 'kafka', 'topic' = 'x',"
                + " 'properties.bootstrap.servers' = 'x', 'format' = 'json');\n"
                + "CREATE TABLE got (a STRING) WITH ('connector' = 'collect', 'sink-id' = 'kafka-err');\n"
                + "INSERT INTO got SELECT a FROM t;\n", 1))
                .hasStackTraceContaining("column b is METADATA FROM 'nope', but connector 'kafka' has only headers, leader-epoch,"
                        + " offset, partition, timestamp, timestamp-type, topic");
    }

    static List<Row> fold(List<Row> changelog) {
        List<Row> table = new ArrayList<>();
        for (Row r : changelog) {
            Row asInsert = Row.insert(r.fields());
            if (r.kind().accumulates()) {
                table.add(asInsert);
            } else {
                assertThat(table.remove(asInsert)).as("retracts a row it emitted before: %s", r).isTrue();
            }
        }
        return table;
    }
}
