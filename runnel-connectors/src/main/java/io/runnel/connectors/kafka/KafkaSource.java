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
    /** A regular expression topics are picked by when the job starts (Java's syntax, the whole name); null: none. */
    private final String topicPattern;
    private final StartingOffsets starting;
    private final long startTimestamp;
    private final HashMap<TopicPartition, Long> startOffsets;
    private final boolean bounded;
    /** Bounded by a timestamp (-1: not) or by given end offsets (empty: the end offsets seen at start). */
    private final long stopTimestamp;
    private final HashMap<TopicPartition, Long> stopOffsets;
    private final KafkaRecordDeserializer<T> deserializer;

    private KafkaSource(Builder<T> b) {
        this.properties = new LinkedHashMap<>(b.properties);
        this.topics = List.copyOf(b.topics);
        this.topicPattern = b.topicPattern;
        this.starting = b.starting;
        this.startTimestamp = b.startTimestamp;
        this.startOffsets = new HashMap<>(b.startOffsets);
        this.bounded = b.bounded;
        this.stopTimestamp = b.stopTimestamp;
        this.stopOffsets = new HashMap<>(b.stopOffsets);
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
            List<String> chosen = new ArrayList<>(topics);
            if (topicPattern != null) {
                java.util.regex.Pattern p = java.util.regex.Pattern.compile(topicPattern);
                all.keySet().stream().filter(t -> !t.startsWith("__") && p.matcher(t).matches() && !chosen.contains(t)).sorted().forEach(chosen::add);
                if (chosen.isEmpty()) {
                    throw new IllegalArgumentException("Kafka source: no topic matches the pattern '" + topicPattern + "' at "
                            + properties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + " (existing: " + all.keySet() + ")");
                }
            }
            for (String topic : chosen) {
                List<PartitionInfo> infos = all.get(topic);
                if (infos == null || infos.isEmpty()) {
                    throw new IllegalArgumentException("Kafka source: unknown topic '" + topic + "' at "
                            + properties.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + " (existing: " + all.keySet() + ")");
                }
                for (PartitionInfo i : infos) partitions.add(new TopicPartition(i.topic(), i.partition()));
            }
            partitions.sort(java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
            Map<TopicPartition, Long> start = startOffsets(consumer, partitions);
            Map<TopicPartition, Long> end = bounded ? stopOffsets(consumer, partitions) : Map.of();
            List<PartitionSplit> splits = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                splits.add(new PartitionSplit(tp.topic(), tp.partition(), start.get(tp), bounded ? end.get(tp) : Long.MAX_VALUE));
            }
            return splits;
        }
    }

    /** Where a bounded read stops (exclusive): at a timestamp's first record, at given offsets, else at the end now. */
    private Map<TopicPartition, Long> stopOffsets(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = stopTimestamp >= 0 ? offsetsAt(consumer, partitions, stopTimestamp) : consumer.endOffsets(partitions);
        return given(end, stopOffsets, partitions, "stopping");
    }

    /** Each partition's first offset with a timestamp at or after {@code millis}; its end where none is that late yet. */
    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, long millis) {
        Map<TopicPartition, Long> at = new HashMap<>();
        for (TopicPartition tp : partitions) at.put(tp, millis);
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> found = consumer.offsetsForTimes(at);
        Map<TopicPartition, Long> out = new HashMap<>(consumer.endOffsets(partitions));
        found.forEach((tp, f) -> {
            if (f != null) out.put(tp, f.offset());
        });
        return out;
    }

    /** {@code base} with the {@code given} offsets put over it, each of a partition the source reads. */
    private Map<TopicPartition, Long> given(Map<TopicPartition, Long> base, Map<TopicPartition, Long> given,
                                            List<TopicPartition> partitions, String what) {
        for (TopicPartition tp : given.keySet()) {
            if (!partitions.contains(tp)) {
                throw new IllegalArgumentException("Kafka source: a " + what + " offset is given for " + tp
                        + ", which is not a partition of " + topics + " (partitions: " + partitions + ")");
            }
        }
        Map<TopicPartition, Long> out = new HashMap<>(base);
        out.putAll(given);
        return out;
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
            case TIMESTAMP -> offsetsAt(consumer, partitions, startTimestamp); // nothing that late yet: from the end, as Flink
            case SPECIFIC_OFFSETS -> given(earliest, startOffsets, partitions, "starting");
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
        private String topicPattern;
        private StartingOffsets starting = StartingOffsets.EARLIEST;
        private long startTimestamp;
        private final Map<TopicPartition, Long> startOffsets = new HashMap<>();
        private boolean bounded;
        private long stopTimestamp = -1;
        private final Map<TopicPartition, Long> stopOffsets = new HashMap<>();
        private KafkaRecordDeserializer<T> deserializer;

        public Builder<T> bootstrapServers(String servers) {
            return property(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        }

        public Builder<T> topics(String... names) {
            topics.addAll(List.of(names));
            return this;
        }

        /**
         * Also reads every topic whose whole name matches {@code regex} (Java's syntax) when the job starts, internal
         * topics ({@code __...}) aside; topics made later are not picked up.
         */
        public Builder<T> topicPattern(String regex) {
            try {
                java.util.regex.Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("Kafka source: bad topic pattern '" + regex + "': " + e.getDescription());
            }
            this.topicPattern = regex;
            return this;
        }

        /** Used for committed offsets: read at start, written when a checkpoint completes. */
        public Builder<T> groupId(String group) {
            return property(ConsumerConfig.GROUP_ID_CONFIG, group);
        }

        public Builder<T> startingOffsets(StartingOffsets starting) {
            if (starting == StartingOffsets.TIMESTAMP || starting == StartingOffsets.SPECIFIC_OFFSETS) {
                throw new IllegalArgumentException("Kafka source: give " + starting + " with its timestamp or offsets"
                        + " (startingOffsetsAt, startingOffsets(Map))");
            }
            this.starting = Objects.requireNonNull(starting);
            return this;
        }

        /** Each partition starts at its first record with a timestamp at or after {@code millis}, else at its end. */
        public Builder<T> startingOffsetsAt(long millis) {
            if (millis < 0) throw new IllegalArgumentException("Kafka source: a starting timestamp must not be negative, got " + millis);
            this.starting = StartingOffsets.TIMESTAMP;
            this.startTimestamp = millis;
            return this;
        }

        /** The given partitions start at their offsets, the others at their first. */
        public Builder<T> startingOffsets(Map<TopicPartition, Long> offsets) {
            checkOffsets(offsets, "starting");
            this.starting = StartingOffsets.SPECIFIC_OFFSETS;
            this.startOffsets.clear();
            this.startOffsets.putAll(offsets);
            return this;
        }

        /** Stop before the first record with a timestamp at or after {@code millis} (at the end seen at start if none is). */
        public Builder<T> boundedAt(long millis) {
            if (millis < 0) throw new IllegalArgumentException("Kafka source: a stopping timestamp must not be negative, got " + millis);
            this.bounded = true;
            this.stopTimestamp = millis;
            return this;
        }

        /** Stop the given partitions before these offsets, the others at the end offsets seen at start. */
        public Builder<T> bounded(Map<TopicPartition, Long> offsets) {
            checkOffsets(offsets, "stopping");
            this.bounded = true;
            this.stopOffsets.clear();
            this.stopOffsets.putAll(offsets);
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

        private static void checkOffsets(Map<TopicPartition, Long> offsets, String what) {
            for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new IllegalArgumentException("Kafka source: the " + what + " offset of " + e.getKey() + " must not be negative, got " + e.getValue());
                }
            }
        }

        public KafkaSource<T> build() {
            if (!properties.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) throw new IllegalArgumentException("Kafka source: bootstrap servers are required");
            if (topics.isEmpty() && topicPattern == null) throw new IllegalArgumentException("Kafka source: at least one topic or a topic pattern is required");
            if (deserializer == null) throw new IllegalArgumentException("Kafka source: a deserializer is required");
            return new KafkaSource<>(this);
        }
    }
}
