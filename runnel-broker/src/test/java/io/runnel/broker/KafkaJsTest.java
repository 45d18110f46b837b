package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * KafkaJS 2.2.4 as a real peer: the node scripts in {@code src/test/js} (admin, gzip produce with
 * headers, group resume, transactions under read_committed, every codec both ways with the Java client) run against the broker, and each
 * prints facts ({@code name <json>}) asserted here. KafkaJS is installed with {@code npm ci} from
 * the checked-in lockfile into {@code target/kafkajs} on first use (npm's cache serves it offline
 * afterwards). Skipped when node or npm is missing; {@code -Drunnel.test.bootstrap=host:port}
 * runs it against another broker (the expectations were calibrated on Apache Kafka 4.4.0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaJsTest {
    @TempDir
    static Path dir;
    Path node;
    Path modules;
    Path scripts;
    RunnelBroker broker;
    String bootstrap;
    final String run = Long.toString(System.nanoTime() & 0xffffff, 36);

    @BeforeAll
    void start() throws Exception {
        node = ChildProcess.find("node", "/usr/bin/node").orElse(null);
        Path npm = ChildProcess.find("npm", "/usr/bin/npm").orElse(null);
        assumeTrue(node != null && npm != null,
                "node or npm not found on PATH (apt-get install nodejs npm); skipping the KafkaJS suite");
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        scripts = module.resolve("src/test/js");
        modules = install(npm, scripts, module.resolve("target/kafkajs"));
        bootstrap = TestBootstrap.external().orElse(null);
        if (bootstrap == null) {
            broker = Clients.broker(dir);
            bootstrap = broker.bootstrapServers();
        }
    }

    /** {@code npm ci} of the checked-in lockfile into {@code target}, unless that lockfile is already installed there. */
    private static Path install(Path npm, Path scripts, Path target) throws Exception {
        Path lock = scripts.resolve("package-lock.json");
        Path installedLock = target.resolve("package-lock.json");
        Path kafkajs = target.resolve("node_modules/kafkajs/package.json");
        if (!Files.exists(kafkajs) || !Files.exists(installedLock) || Files.mismatch(lock, installedLock) != -1) {
            Files.createDirectories(target);
            Files.copy(scripts.resolve("package.json"), target.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--prefer-offline");
            ChildProcess.run(command, null, 300, Map.of(), target).assertSucceeded(command);
        }
        assertThat(Files.readString(kafkajs)).contains("\"version\": \"2.2.4\"");
        return target.resolve("node_modules");
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Runs one script; returns its facts by name (the JSON text after the name). */
    private Map<String, String> script(String name) throws IOException, InterruptedException {
        List<String> command = List.of(node.toString(), scripts.resolve(name).toString());
        ChildProcess.Result r = ChildProcess.run(command, null, 120,
                Map.of("BOOTSTRAP", bootstrap, "RUN", run, "NODE_PATH", modules.toString()), null).assertSucceeded(command);
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : r.lines()) {
            int space = line.indexOf(' ');
            if (space > 0 && !line.startsWith("{")) {
                facts.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return facts;
    }

    @Test
    void adminCreatesListsDescribesAndDeletes() throws Exception {
        String topic = "\"kafkajs-admin-" + run + "\"";
        String group = "\"kafkajs-admin-group-" + run + "\"";
        Map<String, String> f = script("admin.js");
        assertThat(f).containsEntry("createTopics", "true")
                .containsEntry("listTopics", "[true,true]")
                .containsEntry("fetchTopicMetadata", "[{\"name\":" + topic + ",\"partitions\":[0,1]}]")
                .containsEntry("fetchTopicOffsetsByTimestamp", "[[0,\"1\"],[1,\"0\"]]")
                .containsEntry("fetchTopicOffsets", "[[0,\"0\",\"3\"],[1,\"0\",\"0\"]]")
                .containsEntry("consumed", "[\"a\",\"b\",\"c\"]")
                .containsEntry("describeGroups", "[[" + group + ",\"Stable\",\"consumer\",1]]")
                .containsEntry("fetchOffsets", "[[" + topic + ",[[0,\"3\"],[1,\"-1\"]]]]")
                .containsEntry("listGroups", "[[" + group + ",\"consumer\"]]")
                .containsEntry("describeGroupsAfterLeave", "[[" + group + ",\"Empty\"]]")
                .containsEntry("deleteGroups", "[[" + group + ",0]]")
                .containsEntry("listGroupsAfterDelete", "0")
                .containsEntry("listTopicsAfterDelete", "[true,false]");
    }

    @Test
    void gzipWithHeadersAndAGroupThatResumesFromItsCommittedOffsets() throws Exception {
        Map<String, String> f = script("produce-consume.js");
        assertThat(f).containsEntry("sentErrors", "[0,0]")
                .containsEntry("firstConsumer", "[[\"k1\",\"one\",{\"trace\":\"abc\",\"source\":\"kafkajs\"}],"
                        + "[\"k2\",\"two\",{\"trace\":\"def\"}],[\"k3\",\"three\",{}]]")
                .containsEntry("committedTotal", "3")
                .containsEntry("secondConsumer", "[\"five\",\"four\"]");
    }

    @Test
    void transactionsCommitAndAbortUnderReadCommitted() throws Exception {
        Map<String, String> f = script("transactions.js");
        assertThat(f).containsEntry("readCommitted", "[\"committed-1\",\"committed-2\",\"committed-3\"]")
                .containsEntry("readUncommitted", "[\"committed-1\",\"committed-2\",\"aborted\",\"committed-3\"]");
    }

    private static final List<String> CODECS = List.of("gzip", "snappy", "lz4", "zstd");

    /**
     * Each codec both ways: the Java producer writes with it and KafkaJS reads; KafkaJS writes with
     * it (its codec packages) and the Java consumer reads, so both sides decompress what the broker
     * stored and served.
     */
    @Test
    void everyCodecBetweenKafkaJsAndTheJavaClient() throws Exception {
        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(common)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String c : CODECS) topics.add(new NewTopic("java-codec-" + c + "-" + run, 1, (short) 1));
            admin.createTopics(topics).all().get();
        }
        for (String c : CODECS) {
            Properties p = new Properties();
            p.putAll(common);
            p.put("compression.type", c);
            p.put("linger.ms", "50");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                String topic = "java-codec-" + c + "-" + run;
                for (String v : List.of("-one", "-two", "-three")) producer.send(new ProducerRecord<>(topic, "k", c + v));
            }
        }
        Map<String, String> f = script("codecs.js");
        for (String c : CODECS) {
            assertThat(f).containsEntry("sent-" + c, "[0]")
                    .containsEntry("fromJava-" + c, "[\"" + c + "-one\",\"" + c + "-three\",\"" + c + "-two\"]");
            Properties p = new Properties();
            p.putAll(common);
            p.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition tp = new TopicPartition("kafkajs-codec-" + c + "-" + run, 0);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                List<String> values = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.size() < 3 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) values.add(r.value());
                }
                assertThat(values).as("the Java consumer reading KafkaJS's %s batches", c)
                        .containsExactly(c + "-one", c + "-two", c + "-three".repeat(20));
            }
        }
    }
}
