package io.runnel.connectors.kafka;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics through the Kafka protocol. Each partition is a split whose position is the next
 * offset; splits are dealt to readers round-robin. Records carry their Kafka timestamp, and
 * watermarks are tracked per partition. Bounded mode stops at the end offsets seen at start.
 */
public final class KafkaSource<T> implements Source<T, PartitionSplit> {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> properties;
    private final List<String> topics;
    private final StartingOffsets starting;
    private final boolean bounded;
    private final KafkaRecordDeserializer<T> deserializer;

    private KafkaSource(Builder<T> b) {
        this.properties = new LinkedHashMap<>(b.properties);
        this.topics = List.copyOf(b.topics);
        this.starting = b.starting;
        this.bounded = b.bounded;
        this.deserializer = b.deserializer;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public Boundedness boundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** Lists the partitions of every topic and resolves where each starts (and, bounded, stops). */
    @Override
    public List<PartitionSplit> createSplits(int parallelism) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> all = consumer.listTopics(java.time.Duration.ofSeconds(30));
            for (String topic : topics) {
                List<PartitionInfo> infos = all.get(topic);
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("Kafka source: unknown topic '" + topic + "' at "
                            + properties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + " (existing: " + all.keySet() + ")");
                }
                for (PartitionInfo i : infos) partitions.add(new TopicPartition(i.topic(), i.partition()));
            }
            partitions.sort(java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            Map<TopicPartition, Long> start = startOffsets(consumer, partitions);
            Map<TopicPartition, Long> end = bounded ? consumer.endOffsets(partitions) : Map.of();
            List<PartitionSplit> splits = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                splits.add(new PartitionSplit(tp.topic(), tp.partition(), start.get(tp), bounded ? end.get(tp) : Long.MAX_VALUE));
            }
            return splits;
        }
    }

    private Map<TopicPartition, Long> startOffsets(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> earliest = consumer.beginningOffsets(partitions);
        return switch (starting) {
            case EARLIEST -> earliest;
            case LATEST -> consumer.endOffsets(partitions);
            case COMMITTED_OR_EARLIEST -> {
                if (!properties.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
                    throw new IllegalArgumentException("Kafka source: COMMITTED_OR_EARLIEST needs a group id");
                }
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
                Map<TopicPartition, Long> out = new HashMap<>();
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata c = committed.get(tp);
                    out.put(tp, c == null ? earliest.get(tp) : c.offset());
                }
                yield out;
            }
        };
    }

    @Override
    public SourceReader<T, PartitionSplit> createReader(SourceReaderContext context) {
        return new KafkaSourceReader<>(consumerProperties(), deserializer, properties.containsKey(ConsumerConfig.GROUP_ID_CONFIG));
    }

    /** Builds a {@link KafkaSource}. */
    public static final class Builder<T> {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> topics = new ArrayList<>();
        private StartingOffsets starting = StartingOffsets.EARLIEST;
        private boolean bounded;
        private KafkaRecordDeserializer<T> deserializer;

        public Builder<T> bootstrapServers(String servers) {
            return property(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        }

        public Builder<T> topics(String... names) {
            topics.addAll(List.of(names));
            return this;
        }

        /** Used for committed offsets: read at start, written when a checkpoint completes. */
        public Builder<T> groupId(String group) {
            return property(ConsumerConfig.GROUP_ID_CONFIG, group);
        }

        public Builder<T> startingOffsets(StartingOffsets starting) {
            this.starting = Objects.requireNonNull(starting);
            return this;
        }

        /** Stop at the end offsets the source sees when the job starts. */
        public Builder<T> bounded() {
            this.bounded = true;
            return this;
        }

        public Builder<T> deserializer(KafkaRecordDeserializer<T> deserializer) {
            this.deserializer = Objects.requireNonNull(deserializer);
            return this;
        }

        /** Any Kafka consumer property, e.g. {@code isolation.level=read_committed}. */
        public Builder<T> property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public KafkaSource<T> build() {
            if (!properties.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) throw new IllegalArgumentException("Kafka source: bootstrap servers are required");
            if (topics.isEmpty()) throw new IllegalArgumentException("Kafka source: at least one topic is required");
            if (deserializer == null) throw new IllegalArgumentException("Kafka source: a deserializer is required");
            return new KafkaSource<>(this);
        }
    }
}
