package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A compacted topic with small segments under a controllable clock, shared by the cleaner tests. */
final class CleanerFixture {
    static final String TOPIC = "table";
    static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "segment.bytes", "400",
            "min.cleanable.dirty.ratio", "0.01", "delete.retention.ms", "1000");
    static final CleanerConfig MANUAL = new CleanerConfig(false, 10, 1 << 20, 4096, 0.9);

    private CleanerFixture() {
    }

    static LogManager open(Path dir, AtomicLong clock) {
        return LogManager.open(dir, LogConfig.defaults(), clock::get);
    }

    /** Writes {@code count} single-record batches cycling over {@code keys} keys, values v0, v1, ... */
    static void writeCycling(PartitionLog log, AtomicLong clock, int count, int keys, String prefix) {
        for (int i = 0; i < count; i++) {
            log.append(KeyedBatches.batch(clock.get(), prefix + (i % keys), "v" + i));
        }
    }

    /** The record at each offset, as written. */
    static Map<Long, KeyedBatches.Rec> byOffset(List<KeyedBatches.Rec> records) {
        Map<Long, KeyedBatches.Rec> m = new HashMap<>();
        records.forEach(r -> m.put(r.offset(), r));
        return m;
    }

    /**
     * What a cleaning may do and nothing more: every record left is one written at that offset
     * (nothing invented, nothing duplicated, offsets increasing), and the latest record of every key
     * is still there (nothing lost).
     */
    static void assertConsistent(List<KeyedBatches.Rec> original, List<KeyedBatches.Rec> now) {
        Map<Long, KeyedBatches.Rec> written = byOffset(original);
        long previous = -1;
        for (KeyedBatches.Rec r : now) {
            assertThat(r.offset()).isGreaterThan(previous);
            assertThat(written.get(r.offset())).isEqualTo(r);
            previous = r.offset();
        }
        Map<String, KeyedBatches.Rec> latest = new HashMap<>();
        original.forEach(r -> latest.put(r.key(), r));
        assertThat(now).containsAll(latest.values());
    }
}
