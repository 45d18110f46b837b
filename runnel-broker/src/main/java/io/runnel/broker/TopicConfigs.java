package io.runnel.broker;

import io.runnel.log.CompactionConfig;
import io.runnel.log.FsyncPolicy;
import io.runnel.log.LogConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.InvalidConfigurationException;

/**
 * Topic-level configs: which Kafka names are honoured, which are accepted only at the value that
 * matches what Runnel does, and the effective values for DescribeConfigs.
 */
final class TopicConfigs {
    /** Accepted only with this value, because it is the only behaviour implemented. */
    private static final Map<String, String> FIXED = Map.of(
            "min.insync.replicas", "1");
    /** Applied by the broker on append ({@link AppendPolicy}), with the values Kafka allows. */
    private static final Map<String, Set<String>> WRITER = Map.of(
            "message.timestamp.type", AppendPolicy.TIMESTAMP_TYPES,
            "compression.type", AppendPolicy.COMPRESSION_TYPES);

    /** Kafka's minimum of {@code segment.bytes} and {@code log.segment.bytes} (since 4.0, KIP-1030). */
    static final int MIN_SEGMENT_BYTES = 1024 * 1024;
    /** Kafka's internal, unvalidated {@code segment.bytes} (for tests), stored as {@code segment.bytes}. */
    static final String INTERNAL_SEGMENT_BYTES = "internal.segment.bytes";

    private TopicConfigs() {
    }

    /** Kafka's ConfigException wording for a value under a minimum. */
    static String belowMinimum(String name, Object value, long min) {
        return "Invalid value " + value + " for configuration " + name + ": Value must be at least " + min;
    }

    /**
     * The overrides to store for a create request's configs.
     *
     * @throws InvalidConfigurationException naming the config if it is unknown or unsupported
     */
    static Map<String, String> overrides(String topic, Map<String, String> requested, LogConfig defaults,
                                         CompactionConfig compactionDefaults) {
        return overrides(topic, requested, defaults, compactionDefaults, Map.of());
    }

    /**
     * As above, for an alter of a topic whose overrides are {@code current}: a value kept as it is
     * skips the minimum checks (it may have been set through {@code internal.segment.bytes}).
     */
    static Map<String, String> overrides(String topic, Map<String, String> requested, LogConfig defaults,
                                         CompactionConfig compactionDefaults, Map<String, String> current) {
        Map<String, String> stored = new LinkedHashMap<>();
        for (var e : requested.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            if (FIXED.containsKey(name)) {
                if (!FIXED.get(name).equals(value)) {
                    throw new InvalidConfigurationException("topic " + topic + ": " + name + "=" + value
                            + " is not supported (only " + FIXED.get(name) + ")");
                }
            } else if (name.equals(INTERNAL_SEGMENT_BYTES)) {
                stored.put("segment.bytes", value);
            } else if (WRITER.containsKey(name)) {
                if (!WRITER.get(name).contains(value)) {
                    throw new InvalidConfigurationException("topic " + topic + ": " + name + "=" + value
                            + " is not one of " + new TreeSet<>(WRITER.get(name)));
                }
                stored.put(name, value);
            } else if (LogConfig.TOPIC_CONFIG_NAMES.contains(name)
                    || CompactionConfig.TOPIC_CONFIG_NAMES.contains(name)) {
                if (!value.equals(current.get(name))) {
                    checkMinimum(name, value);
                }
                stored.put(name, value);
            } else {
                throw new InvalidConfigurationException("topic " + topic + ": unknown config " + name);
            }
        }
        try {
            defaults.withOverrides(stored);
            compactionDefaults.withOverrides(stored);
        } catch (IllegalArgumentException ex) {
            throw new InvalidConfigurationException("topic " + topic + ": " + ex.getMessage());
        }
        return stored;
    }

    private static void checkMinimum(String name, String value) {
        if (name.equals("segment.bytes")) {
            try {
                if (Long.parseLong(value.trim()) < MIN_SEGMENT_BYTES) {
                    throw new InvalidConfigurationException(belowMinimum(name, value, MIN_SEGMENT_BYTES));
                }
            } catch (NumberFormatException e) {
                // LogConfig names the bad number below
            }
        }
    }

    /** Effective topic configs by Kafka name: the log's, the cleaner's, then the writer's from the overrides or the broker. */
    static Map<String, String> effective(LogConfig c, CompactionConfig cc, Map<String, String> overrides,
                                         BrokerConfig broker) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("segment.bytes", String.valueOf(c.segmentBytes()));
        m.put("segment.ms", String.valueOf(c.segmentMs()));
        m.put("retention.ms", String.valueOf(c.retentionMs()));
        m.put("retention.bytes", String.valueOf(c.retentionBytes()));
        m.put("index.interval.bytes", String.valueOf(c.indexIntervalBytes()));
        m.put("segment.index.bytes", String.valueOf(c.maxIndexBytes()));
        m.put("max.message.bytes", String.valueOf(c.maxBatchBytes()));
        m.put("flush.messages", c.fsyncPolicy() == FsyncPolicy.EVERY_BATCH ? "1" : String.valueOf(Long.MAX_VALUE));
        m.put("flush.ms", c.fsyncPolicy() == FsyncPolicy.INTERVAL ? String.valueOf(c.flushIntervalMs())
                : String.valueOf(Long.MAX_VALUE));
        m.put("cleanup.policy", cc.policyName());
        m.put("min.cleanable.dirty.ratio", String.valueOf(cc.minCleanableDirtyRatio()));
        m.put("min.compaction.lag.ms", String.valueOf(cc.minCompactionLagMs()));
        m.put("max.compaction.lag.ms", String.valueOf(cc.maxCompactionLagMs()));
        m.put("delete.retention.ms", String.valueOf(cc.deleteRetentionMs()));
        m.putAll(FIXED);
        m.put("message.timestamp.type", overrides.getOrDefault("message.timestamp.type",
                broker.get("log.message.timestamp.type")));
        m.put("compression.type", overrides.getOrDefault("compression.type", broker.get("compression.type")));
        return m;
    }
}
