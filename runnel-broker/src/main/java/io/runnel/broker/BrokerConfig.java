package io.runnel.broker;

import io.runnel.log.CleanerConfig;
import io.runnel.log.CompactionConfig;
import io.runnel.log.FsyncPolicy;
import io.runnel.log.LogConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Broker settings by Kafka's config names, with Kafka's defaults unless noted. Unknown names are
 * rejected so a typo is not silently ignored.
 */
public final class BrokerConfig {
    /** Every name accepted, with its default ({@code null}: no default). */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("node.id", "0");
        DEFAULTS.put("host", "127.0.0.1");
        DEFAULTS.put("port", "9092");
        DEFAULTS.put("advertised.host.name", null);
        DEFAULTS.put("log.dirs", null);
        DEFAULTS.put("cluster.id", "runnel-cluster");
        DEFAULTS.put("auto.create.topics.enable", "true");
        DEFAULTS.put("num.partitions", "1");
        DEFAULTS.put("default.replication.factor", "1");
        DEFAULTS.put("log.segment.bytes", String.valueOf(1 << 30));
        DEFAULTS.put("internal.segment.bytes", null);
        DEFAULTS.put("max.partitions.per.broker", "10000");
        DEFAULTS.put("log.roll.ms", String.valueOf(7L * 24 * 3600 * 1000));
        DEFAULTS.put("retention.ms", String.valueOf(7L * 24 * 3600 * 1000));
        DEFAULTS.put("retention.bytes", "-1");
        DEFAULTS.put("log.index.interval.bytes", "4096");
        DEFAULTS.put("log.index.size.max.bytes", String.valueOf(10 * 1024 * 1024));
        DEFAULTS.put("message.max.bytes", String.valueOf(1024 * 1024 + 12));
        DEFAULTS.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        DEFAULTS.put("log.flush.interval.ms", null);
        DEFAULTS.put("log.retention.check.interval.ms", "300000");
        DEFAULTS.put("socket.request.max.bytes", String.valueOf(100 * 1024 * 1024));
        DEFAULTS.put("queued.max.requests.per.connection", "100");
        DEFAULTS.put("queued.max.request.bytes.per.connection", String.valueOf(100 * 1024 * 1024));
        DEFAULTS.put("queued.max.requests", "500");
        DEFAULTS.put("queued.max.response.bytes.per.connection", String.valueOf(1024 * 1024));
        DEFAULTS.put("max.connections", String.valueOf(Integer.MAX_VALUE));
        DEFAULTS.put("max.connections.per.ip", String.valueOf(Integer.MAX_VALUE));
        DEFAULTS.put("max.connections.per.ip.overrides", "");
        DEFAULTS.put("max.connection.creation.rate", String.valueOf(Integer.MAX_VALUE));
        DEFAULTS.put("fetch.max.bytes", String.valueOf(55 * 1024 * 1024));
        DEFAULTS.put("connections.max.idle.ms", String.valueOf(10 * 60 * 1000));
        DEFAULTS.put("num.io.threads", "8");
        DEFAULTS.put("num.network.threads", "2");
        DEFAULTS.put("group.initial.rebalance.delay.ms", "3000");
        DEFAULTS.put("group.min.session.timeout.ms", "6000");
        DEFAULTS.put("group.max.session.timeout.ms", "1800000");
        DEFAULTS.put("group.consumer.session.timeout.ms", "45000");
        DEFAULTS.put("group.consumer.heartbeat.interval.ms", "5000");
        DEFAULTS.put("transaction.max.timeout.ms", "900000");
        DEFAULTS.put("offsets.retention.minutes", "10080");
        DEFAULTS.put("offsets.retention.check.interval.ms", "600000");
        DEFAULTS.put("offsets.topic.segment.bytes", String.valueOf(100 * 1024 * 1024));
        DEFAULTS.put("log.cleanup.policy", "delete");
        DEFAULTS.put("log.cleaner.enable", "true");
        DEFAULTS.put("log.cleaner.threads", "1");
        DEFAULTS.put("log.cleaner.backoff.ms", "15000");
        DEFAULTS.put("log.cleaner.dedupe.buffer.size", String.valueOf(128L * 1024 * 1024));
        DEFAULTS.put("log.cleaner.io.buffer.size", String.valueOf(512 * 1024));
        DEFAULTS.put("log.cleaner.io.buffer.load.factor", "0.9");
        DEFAULTS.put("log.cleaner.min.cleanable.ratio", "0.5");
        DEFAULTS.put("log.cleaner.min.compaction.lag.ms", "0");
        DEFAULTS.put("log.cleaner.max.compaction.lag.ms", String.valueOf(Long.MAX_VALUE));
        DEFAULTS.put("log.cleaner.delete.retention.ms", String.valueOf(24L * 3600 * 1000));
        DEFAULTS.put("max.incremental.fetch.session.cache.slots", "1000");
        DEFAULTS.put("log.message.timestamp.type", "CreateTime");
        DEFAULTS.put("compression.type", "producer");
    }

    /** Kafka aliases accepted for our names. */
    private static final Map<String, String> ALIASES = Map.of(
            "log.dir", "log.dirs",
            "log.retention.ms", "retention.ms",
            "log.retention.bytes", "retention.bytes");

    private final Map<String, String> values;

    private BrokerConfig(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Builds a config from overrides of the defaults.
     *
     * @throws IllegalArgumentException naming the config if a name is unknown or a value is bad
     */
    public static BrokerConfig of(Map<String, String> overrides) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (var e : overrides.entrySet()) {
            String name = ALIASES.getOrDefault(e.getKey(), e.getKey());
            if (e.getKey().equals("log.retention.hours") || e.getKey().equals("log.roll.hours")) {
                name = e.getKey().equals("log.roll.hours") ? "log.roll.ms" : "retention.ms";
                try {
                    v.put(name, String.valueOf(Long.parseLong(e.getValue().trim()) * 3600_000L));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("broker config " + e.getKey() + "=" + e.getValue()
                            + " is not a number");
                }
                continue;
            }
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown broker config '" + e.getKey() + "'");
            }
            v.put(name, e.getValue().trim());
        }
        BrokerConfig config = new BrokerConfig(v);
        config.logConfig(); // validate eagerly
        config.cleanerConfig();
        config.compactionDefaults();
        config.port();
        ConnectionLimiter.parseOverrides(config.get("max.connections.per.ip.overrides"));
        for (String name : new String[] {"max.connections", "max.connections.per.ip", "max.connection.creation.rate"}) {
            if (config.getInt(name) < 0) {
                throw new IllegalArgumentException("broker config " + name + " must not be negative");
            }
        }
        config.requireOneOf("log.message.timestamp.type", AppendPolicy.TIMESTAMP_TYPES);
        config.requireOneOf("compression.type", AppendPolicy.COMPRESSION_TYPES);
        return config;
    }

    /** Reads a Java properties file of Kafka config names, then applies {@code overrides}. */
    public static BrokerConfig load(Path file, Map<String, String> overrides) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            all.put(name, p.getProperty(name));
        }
        all.putAll(overrides);
        try {
            return of(all);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private void requireOneOf(String name, Set<String> allowed) {
        if (!allowed.contains(values.get(name))) {
            throw new IllegalArgumentException("broker config " + name + "=" + values.get(name) + " is not one of "
                    + new java.util.TreeSet<>(allowed));
        }
    }

    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> all() {
        return Map.copyOf(values.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    long getLong(String name) {
        String v = values.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker config " + name + "=" + v + " is not a number");
        }
    }

    int getInt(String name) {
        long v = getLong(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("broker config " + name + "=" + v + " is out of range");
        }
        return (int) v;
    }

    boolean getBoolean(String name) {
        String v = values.get(name);
        if (!Set.of("true", "false").contains(v)) {
            throw new IllegalArgumentException("broker config " + name + "=" + v + " must be true or false");
        }
        return Boolean.parseBoolean(v);
    }

    public int nodeId() {
        return getInt("node.id");
    }

    public String host() {
        return values.get("host");
    }

    /** The host clients are told to connect to: {@code advertised.host.name}, else {@code host}. */
    public String advertisedHost() {
        String advertised = values.get("advertised.host.name");
        return advertised == null || advertised.isBlank() ? host() : advertised;
    }

    public int port() {
        int port = getInt("port");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("broker config port=" + port + " must be 0..65535");
        }
        return port;
    }

    public Path dataDir() {
        String dir = values.get("log.dirs");
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("broker config log.dirs (the data directory) is required");
        }
        return Path.of(dir.split(",")[0].trim());
    }

    public String clusterId() {
        return values.get("cluster.id");
    }

    public boolean autoCreateTopics() {
        return getBoolean("auto.create.topics.enable");
    }

    public int numPartitions() {
        return getInt("num.partitions");
    }

    /** Partitions this broker holds at most (each keeps files open); Runnel's name. */
    public int maxPartitions() {
        return Math.max(1, getInt("max.partitions.per.broker"));
    }

    public int maxFrameBytes() {
        return getInt("socket.request.max.bytes");
    }

    public int maxInFlightPerConnection() {
        return Math.max(1, getInt("queued.max.requests.per.connection"));
    }

    /** {@code queued.max.requests}: requests handled at once over all connections. */
    public int queuedMaxRequests() {
        return Math.max(1, getInt("queued.max.requests"));
    }

    /** Response bytes waiting for one client before its next request waits (the write high-water mark). */
    public int maxPendingResponseBytesPerConnection() {
        return Math.max(1024, getInt("queued.max.response.bytes.per.connection"));
    }

    /** Bytes of queued requests per connection before its socket stops being read. */
    public long maxQueuedBytesPerConnection() {
        return Math.max(1, getLong("queued.max.request.bytes.per.connection"));
    }

    /** Upper bound of one fetch response's record bytes, whatever the client asks. */
    public int fetchMaxBytes() {
        return Math.max(1024, getInt("fetch.max.bytes"));
    }

    public long connectionsMaxIdleMs() {
        return getLong("connections.max.idle.ms");
    }

    public int ioThreads() {
        return Math.max(1, getInt("num.io.threads"));
    }

    public int networkThreads() {
        return Math.max(1, getInt("num.network.threads"));
    }

    public int initialRebalanceDelayMs() {
        return getInt("group.initial.rebalance.delay.ms");
    }

    public int minSessionTimeoutMs() {
        return getInt("group.min.session.timeout.ms");
    }

    public int maxSessionTimeoutMs() {
        return getInt("group.max.session.timeout.ms");
    }

    public long retentionCheckIntervalMs() {
        return getLong("log.retention.check.interval.ms");
    }

    /** The default log config for topics: {@code log.flush.interval.messages=1} fsyncs every batch. */
    public LogConfig logConfig() {
        FsyncPolicy policy = FsyncPolicy.OS;
        long flushMs = 1000;
        if (values.get("log.flush.interval.ms") != null) {
            policy = FsyncPolicy.INTERVAL;
            flushMs = getLong("log.flush.interval.ms");
        }
        if (getLong("log.flush.interval.messages") == 1) {
            policy = FsyncPolicy.EVERY_BATCH;
        }
        int segmentBytes = getInt("log.segment.bytes");
        if (segmentBytes < TopicConfigs.MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException(TopicConfigs.belowMinimum("log.segment.bytes", segmentBytes,
                    TopicConfigs.MIN_SEGMENT_BYTES));
        }
        if (values.get("internal.segment.bytes") != null) {
            segmentBytes = getInt("internal.segment.bytes"); // tests only: no minimum
        }
        return new LogConfig(segmentBytes, getLong("log.roll.ms"), getLong("retention.ms"),
                getLong("retention.bytes"), getInt("log.index.interval.bytes"), getInt("log.index.size.max.bytes"),
                getInt("message.max.bytes"), policy, flushMs);
    }

    /** The log cleaner's settings; {@code log.cleaner.threads} other than 1 is refused (one thread runs). */
    public CleanerConfig cleanerConfig() {
        if (getInt("log.cleaner.threads") != 1) {
            throw new IllegalArgumentException("broker config log.cleaner.threads=" + get("log.cleaner.threads")
                    + " is not supported: the cleaner runs on one thread");
        }
        return new CleanerConfig(getBoolean("log.cleaner.enable"), getLong("log.cleaner.backoff.ms"),
                getLong("log.cleaner.dedupe.buffer.size"), getInt("log.cleaner.io.buffer.size"),
                getDouble("log.cleaner.io.buffer.load.factor"));
    }

    /** Cleanup defaults of topics: {@code log.cleanup.policy} and the {@code log.cleaner.*} topic defaults. */
    public CompactionConfig compactionDefaults() {
        try {
            return CompactionConfig.defaults().withOverrides(Map.of(
                    "cleanup.policy", get("log.cleanup.policy"),
                    "min.cleanable.dirty.ratio", get("log.cleaner.min.cleanable.ratio"),
                    "min.compaction.lag.ms", get("log.cleaner.min.compaction.lag.ms"),
                    "max.compaction.lag.ms", get("log.cleaner.max.compaction.lag.ms"),
                    "delete.retention.ms", get("log.cleaner.delete.retention.ms")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker config: " + e.getMessage(), e);
        }
    }

    double getDouble(String name) {
        String v = values.get(name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker config " + name + "=" + v + " is not a number");
        }
    }
}
