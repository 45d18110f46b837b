package io.runnel.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.CleanerConfig;
import io.runnel.log.CleanerHooks;
import io.runnel.log.LogCleaner;
import io.runnel.log.LogConfig;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed offsets are replayed on open, also after the log cleaner has compacted the offsets partition. */
class OffsetStoreTest {
    @TempDir
    Path dir;

    private static Topic offsetsTopic(LogManager logs) {
        Topic t = logs.topic("__consumer_offsets");
        return t != null ? t : logs.createTopic("__consumer_offsets", 1,
                Map.of("segment.bytes", "4096", "retention.ms", "-1", "cleanup.policy", "compact",
                        "delete.retention.ms", "0"));
    }

    @Test
    void offsetsOfInactiveGroupsExpireDurably() {
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            OffsetStore store = new OffsetStore(offsetsTopic(logs).partition(0));
            OffsetStore.TopicPartitionKey tp = new OffsetStore.TopicPartitionKey("t", 0);
            store.commit("idle", Map.of(tp, new CommittedOffset(5, -1, null, 1_000)));
            store.commit("busy", Map.of(tp, new CommittedOffset(6, -1, null, 1_000)));
            store.commit("recent", Map.of(tp, new CommittedOffset(7, -1, null, 9_000)));
            assertThat(store.expire(10_000, 5_000, "busy"::equals)).isEqualTo(1);
            assertThat(store.groupIds()).containsExactlyInAnyOrder("busy", "recent");
        }
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            assertThat(new OffsetStore(offsetsTopic(logs).partition(0)).groupIds())
                    .containsExactlyInAnyOrder("busy", "recent");
        }
    }

    @Test
    void offsetsAndTombstonesReplayAcrossTheGapsTheCleanerLeaves() {
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            PartitionLog log = offsetsTopic(logs).partition(0);
            OffsetStore store = new OffsetStore(log);
            for (int i = 0; i < 2000; i++) {
                store.commit("g" + (i % 3), Map.of(new OffsetStore.TopicPartitionKey("t", i % 5),
                        new CommittedOffset(i, -1, i % 2 == 0 ? null : "m" + i, i)));
            }
            store.delete("g2", store.offsets("g2").keySet());
            log.roll();
            long before = log.sizeInBytes();
            LogCleaner cleaner = logs.startCleaner(new CleanerConfig(false, 10, 1 << 20, 4096, 0.9), CleanerHooks.NONE);
            cleaner.cleanOnce();
            assertThat(log.sizeInBytes()).as("compacted to about one record per key").isLessThan(before / 10);
            assertThat(log.logStartOffset()).isZero();
        }
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            OffsetStore store = new OffsetStore(offsetsTopic(logs).partition(0));
            assertThat(store.groupIds()).containsExactlyInAnyOrder("g0", "g1");
            int last = -1;
            for (int i = 0; i < 2000; i++) {
                if (i % 3 == 1 && i % 5 == 4) {
                    last = i;
                }
            }
            CommittedOffset c = store.offsets("g1").get(new OffsetStore.TopicPartitionKey("t", 4));
            assertThat(c.offset()).isEqualTo(last);
            assertThat(c.metadata()).isEqualTo(last % 2 == 0 ? null : "m" + last);
        }
    }
}
