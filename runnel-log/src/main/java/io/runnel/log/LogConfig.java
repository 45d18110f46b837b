package io.runnel.log;

/**
 * Settings of one partition log. Names in comments are the Kafka broker/topic configs they mirror;
 * defaults are Kafka's.
 *
 * @param segmentBytes      {@code log.segment.bytes}: roll when the active segment would exceed this
 * @param segmentMs         {@code log.roll.ms}: roll when the active segment is older than this
 * @param retentionMs       {@code retention.ms}: delete closed segments whose newest timestamp is
 *                          older than this; -1 keeps forever
 * @param retentionBytes    {@code retention.bytes}: delete oldest closed segments while the
 *                          partition is larger than this; -1 means no limit
 * @param indexIntervalBytes {@code index.interval.bytes}: bytes between sparse index entries
 * @param maxIndexBytes     {@code segment.index.bytes}: roll when the offset index reaches this size
 * @param maxBatchBytes     {@code message.max.bytes}: largest batch accepted
 * @param fsyncPolicy       when appends are forced to disk
 * @param flushIntervalMs   {@code log.flush.interval.ms}, for {@link FsyncPolicy#INTERVAL}
 */
public record LogConfig(int segmentBytes, long segmentMs, long retentionMs, long retentionBytes,
                        int indexIntervalBytes, int maxIndexBytes, int maxBatchBytes,
                        FsyncPolicy fsyncPolicy, long flushIntervalMs) {

    public LogConfig {
        require(segmentBytes >= BatchDescriptor.HEADER_SIZE, "log.segment.bytes", segmentBytes);
        require(segmentMs > 0, "log.roll.ms", segmentMs);
        require(retentionMs >= -1, "retention.ms", retentionMs);
        require(retentionBytes >= -1, "retention.bytes", retentionBytes);
        require(indexIntervalBytes >= 0, "index.interval.bytes", indexIntervalBytes);
        require(maxIndexBytes >= 2 * OffsetIndexDescriptor.ENTRY_SIZE, "segment.index.bytes", maxIndexBytes);
        require(maxBatchBytes > 0, "message.max.bytes", maxBatchBytes);
        require(fsyncPolicy != null, "fsync policy", "null");
        require(flushIntervalMs > 0, "log.flush.interval.ms", flushIntervalMs);
    }

    /** Kafka's defaults: 1 GiB segments rolled weekly, 7 days retention, OS flushing. */
    public static LogConfig defaults() {
        return new LogConfig(1 << 30, 7L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, -1,
                4096, 10 * 1024 * 1024, 1024 * 1024 + 12, FsyncPolicy.OS, 1000);
    }

    public LogConfig withSegmentBytes(int v) {
        return new LogConfig(v, segmentMs, retentionMs, retentionBytes, indexIntervalBytes, maxIndexBytes,
                maxBatchBytes, fsyncPolicy, flushIntervalMs);
    }

    public LogConfig withSegmentMs(long v) {
        return new LogConfig(segmentBytes, v, retentionMs, retentionBytes, indexIntervalBytes, maxIndexBytes,
                maxBatchBytes, fsyncPolicy, flushIntervalMs);
    }

    public LogConfig withRetentionMs(long v) {
        return new LogConfig(segmentBytes, segmentMs, v, retentionBytes, indexIntervalBytes, maxIndexBytes,
                maxBatchBytes, fsyncPolicy, flushIntervalMs);
    }

    public LogConfig withRetentionBytes(long v) {
        return new LogConfig(segmentBytes, segmentMs, retentionMs, v, indexIntervalBytes, maxIndexBytes,
                maxBatchBytes, fsyncPolicy, flushIntervalMs);
    }

    public LogConfig withIndexIntervalBytes(int v) {
        return new LogConfig(segmentBytes, segmentMs, retentionMs, retentionBytes, v, maxIndexBytes,
                maxBatchBytes, fsyncPolicy, flushIntervalMs);
    }

    public LogConfig withMaxIndexBytes(int v) {
        return new LogConfig(segmentBytes, segmentMs, retentionMs, retentionBytes, indexIntervalBytes, v,
                maxBatchBytes, fsyncPolicy, flushIntervalMs);
    }

    public LogConfig withMaxBatchBytes(int v) {
        return new LogConfig(segmentBytes, segmentMs, retentionMs, retentionBytes, indexIntervalBytes, maxIndexBytes,
                v, fsyncPolicy, flushIntervalMs);
    }

    public LogConfig withFsync(FsyncPolicy policy, long intervalMs) {
        return new LogConfig(segmentBytes, segmentMs, retentionMs, retentionBytes, indexIntervalBytes, maxIndexBytes,
                maxBatchBytes, policy, intervalMs);
    }

    /** Topic config names this log understands (Kafka's topic-level names). */
    public static final java.util.Set<String> TOPIC_CONFIG_NAMES = java.util.Set.of("segment.bytes", "segment.ms",
            "retention.ms", "retention.bytes", "index.interval.bytes", "segment.index.bytes", "max.message.bytes",
            "flush.ms", "flush.messages");

    /**
     * Topic configs stored with the topic's overrides but applied by the writer before appending
     * (the broker's timestamp type and recompression), so the log keeps and ignores them.
     */
    public static final java.util.Set<String> WRITER_CONFIG_NAMES = java.util.Set.of("message.timestamp.type",
            "compression.type");

    /**
     * This config with Kafka topic-level overrides applied ({@link #TOPIC_CONFIG_NAMES});
     * {@code flush.messages=1} means {@link FsyncPolicy#EVERY_BATCH}, a set {@code flush.ms}
     * means {@link FsyncPolicy#INTERVAL}.
     *
     * @throws IllegalArgumentException naming the config if a name is unknown or a value is bad
     */
    public LogConfig withOverrides(java.util.Map<String, String> overrides) {
        LogConfig c = this;
        for (var e : overrides.entrySet()) {
            String v = e.getValue();
            if (WRITER_CONFIG_NAMES.contains(e.getKey())) {
                continue;
            }
            try {
                c = switch (e.getKey()) {
                    case "segment.bytes" -> c.withSegmentBytes(Integer.parseInt(v));
                    case "segment.ms" -> c.withSegmentMs(Long.parseLong(v));
                    case "retention.ms" -> c.withRetentionMs(Long.parseLong(v));
                    case "retention.bytes" -> c.withRetentionBytes(Long.parseLong(v));
                    case "index.interval.bytes" -> c.withIndexIntervalBytes(Integer.parseInt(v));
                    case "segment.index.bytes" -> c.withMaxIndexBytes(Integer.parseInt(v));
                    case "max.message.bytes" -> c.withMaxBatchBytes(Integer.parseInt(v));
                    case "flush.ms" -> c.withFsync(FsyncPolicy.INTERVAL, Long.parseLong(v));
                    case "flush.messages" -> Long.parseLong(v) == 1 ? c.withFsync(FsyncPolicy.EVERY_BATCH,
                            c.flushIntervalMs()) : c;
                    default -> {
                        if (!CompactionConfig.TOPIC_CONFIG_NAMES.contains(e.getKey())) {
                            throw new IllegalArgumentException("unknown topic config " + e.getKey());
                        }
                        yield c; // read by CompactionConfig
                    }
                };
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("invalid topic config " + e.getKey() + "=" + v + ": not a number");
            }
        }
        return c;
    }

    private static void require(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid log config " + name + "=" + value);
        }
    }
}
