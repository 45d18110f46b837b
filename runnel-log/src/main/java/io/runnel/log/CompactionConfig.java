package io.runnel.log;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A topic's cleanup settings, by Kafka's topic config names, with Kafka's defaults. Kept beside
 * {@link LogConfig} (which governs appends, rolls and retention) and read by the {@link LogCleaner}.
 *
 * @param compact                {@code cleanup.policy} contains {@code compact}: keep the latest record per key
 * @param delete                 {@code cleanup.policy} contains {@code delete}: retention by time and size
 * @param minCleanableDirtyRatio {@code min.cleanable.dirty.ratio}: clean once dirty bytes / cleanable bytes exceed this
 * @param minCompactionLagMs     {@code min.compaction.lag.ms}: records younger than this stay uncompacted
 * @param maxCompactionLagMs     {@code max.compaction.lag.ms}: dirty records older than this force a cleaning
 * @param deleteRetentionMs      {@code delete.retention.ms}: tombstones and empty-transaction markers survive
 *                               this long after the cleaning that first saw them
 */
public record CompactionConfig(boolean compact, boolean delete, double minCleanableDirtyRatio,
                               long minCompactionLagMs, long maxCompactionLagMs, long deleteRetentionMs) {

    /** The topic config names this record reads. */
    public static final Set<String> TOPIC_CONFIG_NAMES = Set.of("cleanup.policy", "min.cleanable.dirty.ratio",
            "min.compaction.lag.ms", "max.compaction.lag.ms", "delete.retention.ms");

    public CompactionConfig {
        if (!compact && !delete) {
            throw new IllegalArgumentException("invalid cleanup.policy: at least one of compact, delete is required");
        }
        if (!(minCleanableDirtyRatio >= 0 && minCleanableDirtyRatio <= 1)) {
            throw new IllegalArgumentException("invalid min.cleanable.dirty.ratio=" + minCleanableDirtyRatio
                    + ": must be between 0 and 1");
        }
        requireAtLeast("min.compaction.lag.ms", minCompactionLagMs, 0);
        requireAtLeast("max.compaction.lag.ms", maxCompactionLagMs, 1);
        requireAtLeast("delete.retention.ms", deleteRetentionMs, 0);
        if (minCompactionLagMs > maxCompactionLagMs) {
            throw new IllegalArgumentException("conflict: min.compaction.lag.ms=" + minCompactionLagMs
                    + " is larger than max.compaction.lag.ms=" + maxCompactionLagMs);
        }
    }

    /** Kafka's defaults: delete policy, ratio 0.5, no minimum lag, no maximum lag, one day for tombstones. */
    public static CompactionConfig defaults() {
        return new CompactionConfig(false, true, 0.5, 0, Long.MAX_VALUE, 24L * 3600 * 1000);
    }

    /**
     * This config with the cleanup entries of {@code overrides} applied (other names are ignored).
     *
     * @throws IllegalArgumentException naming the config if a value is invalid
     */
    public CompactionConfig withOverrides(Map<String, String> overrides) {
        boolean c = compact;
        boolean d = delete;
        double ratio = minCleanableDirtyRatio;
        long minLag = minCompactionLagMs;
        long maxLag = maxCompactionLagMs;
        long deleteRetention = deleteRetentionMs;
        for (var e : overrides.entrySet()) {
            String v = e.getValue().trim();
            switch (e.getKey()) {
                case "cleanup.policy" -> {
                    Set<String> policies = parsePolicy(v);
                    c = policies.contains("compact");
                    d = policies.contains("delete");
                }
                case "min.cleanable.dirty.ratio" -> ratio = parseDouble(e.getKey(), v);
                case "min.compaction.lag.ms" -> minLag = parseLong(e.getKey(), v);
                case "max.compaction.lag.ms" -> maxLag = parseLong(e.getKey(), v);
                case "delete.retention.ms" -> deleteRetention = parseLong(e.getKey(), v);
                default -> {
                    // not a cleanup setting
                }
            }
        }
        return new CompactionConfig(c, d, ratio, minLag, maxLag, deleteRetention);
    }

    /** {@code cleanup.policy} as Kafka writes it: {@code compact}, {@code delete} or {@code compact,delete}. */
    public String policyName() {
        return compact && delete ? "compact,delete" : compact ? "compact" : "delete";
    }

    /** A comma-separated list of {@code compact} and {@code delete} (Kafka's validation: a non-empty subset). */
    static Set<String> parsePolicy(String value) {
        Set<String> out = new java.util.HashSet<>();
        for (String p : value.split(",")) {
            String name = p.trim().toLowerCase(Locale.ROOT);
            if (!name.equals("compact") && !name.equals("delete")) {
                throw new IllegalArgumentException("invalid value " + value
                        + " for configuration cleanup.policy: String must be one of: compact, delete");
            }
            out.add(name);
        }
        return out;
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("invalid topic config " + name + "=" + v + ": not a number");
        }
    }

    private static double parseDouble(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("invalid topic config " + name + "=" + v + ": not a number");
        }
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("invalid " + name + "=" + value + ": must be at least " + min);
        }
    }
}
