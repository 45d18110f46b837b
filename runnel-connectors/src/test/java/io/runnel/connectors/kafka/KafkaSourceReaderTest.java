package io.runnel.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restored Kafka reader resumes exactly after the last record its checkpoint covered, also
 * across transaction markers and aborted records (read_committed), which move the position past
 * offsets that never reach the reader.
 */
class KafkaSourceReaderTest {
    static TestCluster cluster;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        cluster = new TestCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** Collects values; the reader's watermark bookkeeping is not under test here. */
    static final class Collect implements ReaderOutput<String> {
        final List<String> values = new ArrayList<>();

        @Override
        public void collect(String record) {
            values.add(record);
        }

        @Override
        public void collect(String record, long timestamp) {
            values.add(record);
        }

        @Override
        public ReaderOutput<String> forSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseSplit(String splitId) {
        }
    }

    record Ctx(int subtaskIndex, int parallelism) implements SourceReaderContext {
    }

    /** Ten transactions of 20 records over two partitions; every third one (and the last) aborted. */
    private static List<String> produceTransactions(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrap);
        p.put("transactional.id", topic + "-producer");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        List<String> committed = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.initTransactions();
            for (int t = 0; t < 10; t++) {
                producer.beginTransaction();
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String v = t + "-" + i;
                    producer.send(new ProducerRecord<>(topic, i % 2, null, v));
                    batch.add(v);
                }
                if (t % 3 == 1 || t == 9) {
                    producer.abortTransaction();
                } else {
                    producer.commitTransaction();
                    committed.addAll(batch);
                }
            }
        }
        return committed;
    }

    @Test
    void aRestoredReaderResumesExactlyAfterItsCheckpoint() throws Exception {
        String topic = cluster.createTopic("src-resume", 2);
        List<String> committed = produceTransactions(topic);
        KafkaSource<String> source = KafkaSource.<String>builder().bootstrapServers(cluster.bootstrap).topics(topic)
                .bounded().property("isolation.level", "read_committed").property("max.poll.records", "7")
                .deserializer(KafkaRecordDeserializer.valueString()).build();

        SourceReader<String, PartitionSplit> first = source.createReader(new Ctx(0, 1));
        first.addSplits(source.createSplits(1));
        Collect before = new Collect();
        while (before.values.size() < 50) first.pollNext(before);
        List<PartitionSplit> checkpoint = TestCluster.copy(new ArrayList<>(first.snapshotState(1)));
        List<String> covered = List.copyOf(before.values);
        for (int i = 0; i < 5; i++) first.pollNext(before); // read after the checkpoint, lost with the crash
        first.close();

        SourceReader<String, PartitionSplit> restored = source.createReader(new Ctx(0, 1));
        restored.addSplits(checkpoint);
        Collect after = new Collect();
        long deadline = System.currentTimeMillis() + 30_000;
        while (restored.pollNext(after) != InputStatus.END_OF_INPUT) {
            assertThat(System.currentTimeMillis()).as("reader reaches the end").isLessThan(deadline);
        }
        restored.close();

        List<String> all = new ArrayList<>(covered);
        all.addAll(after.values);
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
    }
}
