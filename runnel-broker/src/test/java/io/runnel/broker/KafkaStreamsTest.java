package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Kafka Streams word count (a KTable over a logged RocksDB store) against the broker: correct
 * output, a compacted changelog (cleaned while the test runs), and after a restart with a wiped
 * state directory the counts continue from the state restored from that changelog.
 */
class KafkaStreamsTest {
    private static final String APP = "wordcount";
    private static final String CHANGELOG = APP + "-counts-changelog";
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2})
    void aWordCountRestoresItsStateFromTheCompactedChangelog(String guarantee) throws Exception {
        // the changelog's idle active segment rolls after segment.ms, so it can be cleaned however the producer batched
        try (RunnelBroker broker = Clients.broker(dir.resolve("broker"), "log.cleaner.backoff.ms", "100",
                "log.retention.check.interval.ms", "100");
             Admin admin = Clients.admin(broker)) {
            Map<String, Long> expected = new HashMap<>();
            produce(broker, expected, 0, 60);
            try (KafkaStreams streams = start(broker, guarantee, dir.resolve("state-1"))) {
                awaitCounts(broker, expected);
            }
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, CHANGELOG);
            Config changelog = admin.describeConfigs(List.of(res)).all().get().get(res);
            assertThat(changelog.get("cleanup.policy").value()).isEqualTo("compact");
            awaitCompacted(broker, 120); // 60 lines of two words: 120 updates, on 10 words


            produce(broker, expected, 60, 120);
            try (KafkaStreams streams = start(broker, guarantee, dir.resolve("state-2"))) {
                awaitCounts(broker, expected);
            }
        }
    }

    private static void produce(RunnelBroker broker, Map<String, Long> expected, int from, int to) throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(broker)) {
            for (int i = from; i < to; i++) {
                String line = "w" + (i % 7) + " w" + (i % 3);
                p.send(new ProducerRecord<>("lines", "line" + i, line)).get();
                Arrays.stream(line.split(" ")).forEach(w -> expected.merge(w, 1L, Long::sum));
            }
        }
    }

    private static KafkaStreams start(RunnelBroker broker, String guarantee, Path stateDir) throws Exception {
        Files.createDirectories(stateDir);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("lines", Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(line -> Arrays.asList(line.split(" ")))
                .groupBy((k, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts")
                        .withLoggingEnabled(Map.of("internal.segment.bytes", "2048", "segment.ms", "200",
                                "min.cleanable.dirty.ratio", "0.01")))
                .toStream()
                .to("counts-out", Produced.with(Serdes.String(), Serdes.Long()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        KafkaStreams streams = new KafkaStreams(builder.build(), p);
        streams.start();
        return streams;
    }

    /** Reads the output topic (committed records only) until the latest count of every word is the expected one. */
    private static void awaitCounts(RunnelBroker broker, Map<String, Long> expected) {
        Map<String, Long> latest = new HashMap<>();
        try (KafkaConsumer<String, Long> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new LongDeserializer())) {
            TopicPartition tp = new TopicPartition("counts-out", 0);
            for (int i = 0; i < 600 && !latest.equals(expected); i++) {
                if (c.assignment().isEmpty()) {
                    if (c.listTopics().containsKey("counts-out")) {
                        c.assign(List.of(tp));
                        c.seekToBeginning(List.of(tp));
                    } else {
                        sleep();
                        continue;
                    }
                }
                c.poll(Duration.ofMillis(100)).forEach(r -> latest.put(r.key(), r.value()));
            }
        }
        assertThat(latest).isEqualTo(expected);
    }

    /** Waits until the changelog holds fewer data records than were written to it: the cleaner compacted it. */
    private static void awaitCompacted(RunnelBroker broker, int written) {
        TopicPartition tp = new TopicPartition(CHANGELOG, 0);
        int records = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < 100 && records >= written; attempt++) {
            sleep();
            records = 0;
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                c.assign(List.of(tp));
                c.seekToBeginning(List.of(tp));
                long end = c.endOffsets(List.of(tp)).get(tp);
                while (c.position(tp) < end) {
                    records += c.poll(Duration.ofMillis(200)).count();
                }
            }
        }
        assertThat(records).as("data records left in the changelog").isLessThan(written);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
