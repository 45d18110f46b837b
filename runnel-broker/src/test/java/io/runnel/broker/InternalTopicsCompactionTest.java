package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.LogConfig;
import io.runnel.log.LogManager;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's internal topics are compacted, also those an older broker created without the policy. */
class InternalTopicsCompactionTest {
    @TempDir
    Path dir;

    @Test
    void internalTopicsOfAnOlderDataDirectoryAreSwitchedToCompaction() {
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            logs.createTopic(Topics.OFFSETS_TOPIC, 1, Map.of("flush.messages", "1", "retention.ms", "-1"));
        }
        Clients.broker(dir).close();
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            assertThat(logs.compaction(logs.topic(Topics.OFFSETS_TOPIC)).compact()).isTrue();
            assertThat(logs.topic(Topics.OFFSETS_TOPIC).overrides()).containsEntry("retention.ms", "-1");
            assertThat(logs.compaction(logs.topic(Topics.TRANSACTION_STATE_TOPIC)).compact()).isTrue();
        }
    }
}
