package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogManagerTest {
    @TempDir
    Path dir;

    @Test
    void topicsSurviveReopenWithIdAndOverrides() {
        UUID id;
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            Topic t = m.createTopic("orders.v1", 3, Map.of("retention.ms", "1000"));
            id = t.id();
            t.partition(2).append(TestBatches.batch(4, 1));
        }
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            Topic t = m.topic("orders.v1");
            assertThat(t.id()).isEqualTo(id);
            assertThat(m.topic(id)).isSameAs(t);
            assertThat(t.partitionCount()).isEqualTo(3);
            assertThat(t.config().retentionMs()).isEqualTo(1000);
            assertThat(t.partition(2).logEndOffset()).isEqualTo(4);
            assertThat(Files.exists(dir.resolve("orders.v1-2/00000000000000000000.log"))).isTrue();
        }
    }

    @Test
    void createValidatesNamesCountsAndDuplicates() {
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            m.createTopic("a", 1, Map.of());
            assertThatThrownBy(() -> m.createTopic("a", 1, Map.of())).isInstanceOf(TopicExistsException.class);
            assertThatThrownBy(() -> m.createTopic("bad/name", 1, Map.of()))
                    .isInstanceOf(InvalidTopicException.class).hasMessageContaining("bad/name");
            assertThatThrownBy(() -> m.createTopic("b", 0, Map.of())).isInstanceOf(InvalidTopicException.class);
            assertThatThrownBy(() -> m.createTopic("c", 1, Map.of("retention.ms", "soon")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention.ms");
        }
    }

    @Test
    void alteredTopicConfigIsAppliedAndPersisted() {
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            m.createTopic("cfg", 2, Map.of("retention.ms", "1000"));
            m.alterTopicConfig("cfg", Map.of("retention.bytes", "5000"));
            assertThat(m.topic("cfg").config().retentionBytes()).isEqualTo(5000);
            assertThat(m.topic("cfg").config().retentionMs()).isEqualTo(LogConfig.defaults().retentionMs());
            assertThat(m.topic("cfg").partition(1).config().retentionBytes()).isEqualTo(5000);
            assertThatThrownBy(() -> m.alterTopicConfig("cfg", Map.of("segment.bytes", "-4")))
                    .hasMessageContaining("segment.bytes");
        }
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            assertThat(m.topic("cfg").overrides()).containsExactly(Map.entry("retention.bytes", "5000"));
        }
    }

    @Test
    void aDataDirectoryCanBeOpenedOnlyOnce() {
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            assertThatThrownBy(() -> LogManager.open(dir, LogConfig.defaults())).isInstanceOf(LogException.class)
                    .hasMessageContaining(dir.toString());
        }
        LogManager.open(dir, LogConfig.defaults()).close(); // released on close
    }

    @Test
    void deleteAndAddPartitions() {
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            m.createTopic("x", 1, Map.of());
            m.addPartitions("x", 4);
            assertThat(m.topic("x").partitionCount()).isEqualTo(4);
            m.deleteTopic("x");
            assertThat(m.topic("x")).isNull();
            assertThat(dir.toFile().list()).containsExactly(".lock");
        }
    }

    @Test
    void aTopicNameStartingWithADotSurvivesRestart() {
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            m.createTopic(".hidden", 2, Map.of()).partition(1).append(TestBatches.batch(3, 1));
        }
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            assertThat(m.topic(".hidden")).isNotNull();
            assertThat(m.topic(".hidden").partition(1).logEndOffset()).isEqualTo(3);
        }
    }

    @Test
    void theLongestLegalNameIsDeletedForGood() {
        String name = "n".repeat(249);
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            m.createTopic(name, 1, Map.of()).partition(0).append(TestBatches.batch(2, 1));
            m.deleteTopic(name); // the -delete directory name must fit in 255 bytes
            assertThat(m.topic(name)).isNull();
        }
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            assertThat(m.topic(name)).isNull();
        }
        assertThat(dir.toFile().list()).containsExactly(".lock");
    }

    @Test
    void aDeleteInterruptedByACrashIsFinishedOnTheNextStart() throws Exception {
        UUID id;
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            id = m.createTopic("doomed", 3, Map.of()).id();
            m.createTopic("kept", 1, Map.of());
        }
        // the on-disk state of a crash after the tombstone and partition 0's removal
        new TopicDeletions(dir).begin(id, "doomed");
        TopicDeletions.removePartitionDir(dir.resolve("doomed-0"), id);
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            assertThat(m.topic("doomed")).isNull();
            assertThat(m.topic("kept")).isNotNull();
        }
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder(".lock", "kept-0");
        try (LogManager m = LogManager.open(dir, LogConfig.defaults())) {
            assertThat(m.topic("doomed")).isNull();
        }
    }
}
