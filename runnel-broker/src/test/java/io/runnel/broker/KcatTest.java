package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kcat (librdkafka) as a real peer, run as a process: metadata, produce and consume with every
 * codec, keys and headers, consumer groups resuming from committed offsets, offsets by timestamp,
 * and read_committed over transactions written by the Java client. Skipped when kcat is not
 * installed; {@code -Drunnel.test.bootstrap=host:port} runs it against another broker (Kafka).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KcatTest {
    @TempDir
    static Path dir;
    Path kcat;
    RunnelBroker broker;
    String bootstrap;
    Admin admin;
    final String run = Long.toString(System.nanoTime() & 0xffffff, 36);

    @BeforeAll
    void start() {
        kcat = ChildProcess.find("kcat", System.getProperty("runnel.test.kcat", "/usr/bin/kcat")).orElse(null);
        assumeTrue(kcat != null, "kcat not found on PATH or at /usr/bin/kcat (apt-get install kcat); skipping the kcat suite");
        bootstrap = TestBootstrap.external().orElse(null);
        if (bootstrap == null) {
            broker = Clients.broker(dir);
            bootstrap = broker.bootstrapServers();
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        admin = Admin.create(p);
    }

    @AfterAll
    void stop() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private ChildProcess.Result kcat(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(kcat.toString(), "-b", bootstrap));
        command.addAll(List.of(args));
        return ChildProcess.run(command, stdin, 60, Map.of(), null).assertSucceeded(command);
    }

    private String topic(String name, int partitions) throws Exception {
        String t = "kcat-" + name + "-" + run;
        admin.createTopics(List.of(new NewTopic(t, partitions, (short) 1))).all().get();
        return t;
    }

    @Test
    void metadataListsTheBrokerAndTopicPartitions() throws Exception {
        String t = topic("metadata", 3);
        String out = kcat(null, "-L", "-t", t).stdout();
        assertThat(out).contains("1 brokers:").contains("topic \"" + t + "\" with 3 partitions:")
                .contains("partition 2, leader");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void producesAndConsumesWithEveryCodec(String codec) throws Exception {
        String t = topic("codec-" + codec, 1);
        String padding = "x".repeat(200); // librdkafka sends a batch uncompressed if compressing does not shrink it
        kcat("k1:one" + padding + "\nk2:two" + padding + "\nk3:three" + padding + "\n", "-P", "-t", t, "-K", ":",
                "-z", codec);
        assertThat(kcat(null, "-C", "-t", t, "-e", "-q", "-o", "beginning", "-f", "%k=%s\\n").lines())
                .containsExactly("k1=one" + padding, "k2=two" + padding, "k3=three" + padding);
        assertThat(storedCodecs(t)).as("the batches on the log are %s-compressed", codec).isNotEmpty()
                .allMatch(c -> c.equals(codec));
        try (KafkaConsumer<String, String> c = javaConsumer(null)) {
            c.assign(List.of(new TopicPartition(t, 0)));
            c.seekToBeginning(c.assignment());
            assertThat(poll(c, 3)).extracting(ConsumerRecord::value)
                    .containsExactly("one" + padding, "two" + padding, "three" + padding);
        }
    }

    @Test
    void keysAndHeadersReachTheJavaClientAndComeBack() throws Exception {
        String t = topic("headers", 1);
        kcat("user-7|hello\n", "-P", "-t", t, "-K", "|", "-H", "trace=abc", "-H", "source=kcat");
        try (KafkaConsumer<String, String> c = javaConsumer(null)) {
            c.assign(List.of(new TopicPartition(t, 0)));
            c.seekToBeginning(c.assignment());
            ConsumerRecord<String, String> r = poll(c, 1).get(0);
            assertThat(r.key()).isEqualTo("user-7");
            assertThat(r.value()).isEqualTo("hello");
            List<String> headers = new ArrayList<>();
            for (Header h : r.headers()) {
                headers.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
            }
            assertThat(headers).containsExactly("trace=abc", "source=kcat");
        }
        assertThat(kcat(null, "-C", "-t", t, "-e", "-q", "-o", "beginning", "-f", "%k %s %h\\n").lines())
                .containsExactly("user-7 hello trace=abc,source=kcat");
    }

    @Test
    void aConsumerGroupResumesFromItsCommittedOffsets() throws Exception {
        String t = topic("group", 2);
        String group = "kcat-group-" + run;
        kcat("a\nb\nc\nd\n", "-P", "-t", t);
        List<String> first = kcat(null, "-G", group, "-e", "-q", "-X", "auto.offset.reset=earliest", t).lines();
        assertThat(first).containsExactlyInAnyOrder("a", "b", "c", "d");
        long committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values()
                .stream().mapToLong(o -> o.offset()).sum();
        assertThat(committed).isEqualTo(4);
        kcat("e\nf\n", "-P", "-t", t);
        List<String> second = kcat(null, "-G", group, "-e", "-q", "-X", "auto.offset.reset=earliest", t).lines();
        assertThat(second).containsExactlyInAnyOrder("e", "f");
    }

    @Test
    void startsFromAnOffsetFoundByTimestamp() throws Exception {
        String t = topic("timestamps", 1);
        try (KafkaProducer<String, String> p = javaProducer(null)) {
            for (int i = 1; i <= 4; i++) {
                p.send(new ProducerRecord<>(t, 0, i * 1000L, null, "at-" + i * 1000));
            }
        }
        assertThat(kcat(null, "-C", "-t", t, "-e", "-q", "-o", "s@2500").lines()).containsExactly("at-3000", "at-4000");
        assertThat(kcat(null, "-C", "-t", t, "-e", "-q", "-o", "s@2000", "-f", "%o %T %s\\n").lines())
                .containsExactly("1 2000 at-2000", "2 3000 at-3000", "3 4000 at-4000");
        assertThat(kcat(null, "-Q", "-t", t + ":0:3000").stdout()).contains("offset 2");
    }

    @Test
    void readCommittedSeesCommittedTransactionsOnly() throws Exception {
        String t = topic("txn", 1);
        try (KafkaProducer<String, String> p = javaProducer("kcat-txn-" + run)) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(t, "committed-1"));
            p.send(new ProducerRecord<>(t, "committed-2"));
            p.commitTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(t, "aborted"));
            p.flush();
            p.abortTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(t, "committed-3"));
            p.commitTransaction();
        }
        assertThat(kcat(null, "-C", "-t", t, "-e", "-q", "-o", "beginning", "-X", "isolation.level=read_committed")
                .lines()).containsExactly("committed-1", "committed-2", "committed-3");
        assertThat(kcat(null, "-C", "-t", t, "-e", "-q", "-o", "beginning", "-X", "isolation.level=read_uncommitted")
                .lines()).containsExactly("committed-1", "committed-2", "aborted", "committed-3");
    }

    /** The codec of every batch stored in partition 0, read by a raw Fetch (clients decompress silently). */
    private List<String> storedCodecs(String t) throws Exception {
        String[] hostPort = bootstrap.split(",")[0].split(":");
        try (RawConnection conn = new RawConnection(hostPort[0], Integer.parseInt(hostPort[1]))) {
            FetchResponse r = (FetchResponse) conn.send(ApiKeys.FETCH, (short) 12, new FetchRequestData().setMaxWaitMs(0)
                    .setMinBytes(0).setMaxBytes(1 << 20).setTopics(List.of(new FetchRequestData.FetchTopic().setTopic(t)
                            .setPartitions(List.of(new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0)
                                    .setPartitionMaxBytes(1 << 20))))));
            MemoryRecords records = (MemoryRecords) r.data().responses().get(0).partitions().get(0).records();
            List<String> codecs = new ArrayList<>();
            for (RecordBatch b : records.batches()) {
                codecs.add(b.compressionType().name);
            }
            return codecs;
        }
    }

    private KafkaProducer<String, String> javaProducer(String transactionalId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        if (transactionalId != null) {
            p.put("transactional.id", transactionalId);
        }
        return new KafkaProducer<>(p);
    }

    private KafkaConsumer<String, String> javaConsumer(String group) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        if (group != null) {
            p.put("group.id", group);
        }
        return new KafkaConsumer<>(p);
    }

    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> c, int n) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (out.size() < n && System.currentTimeMillis() < deadline) {
            c.poll(Duration.ofMillis(200)).forEach(out::add);
        }
        return out;
    }
}
