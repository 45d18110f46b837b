package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka's minimum segment size, and the per-broker partition cap that keeps file handles bounded. */
class ResourceLimitsTest {
    @TempDir
    Path dir;

    @Test
    void segmentBytesBelowKafkasMinimumIsRefusedWithKafkasMessage() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker)) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("tiny", 1, (short) 1)
                    .configs(Map.of("segment.bytes", "1000")))).all().get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("Invalid value 1000 for configuration segment.bytes: "
                            + "Value must be at least 1048576");
            admin.createTopics(List.of(new NewTopic("small", 1, (short) 1)
                    .configs(Map.of("segment.bytes", "1048576")))).all().get();
            assertThat(broker.config().get("log.segment.bytes")).isEqualTo(String.valueOf(1 << 30));
            // a tiny segment set through Kafka's internal name survives alters of other configs
            admin.createTopics(List.of(new NewTopic("tests-only", 1, (short) 1)
                    .configs(Map.of("internal.segment.bytes", "4096")))).all().get();
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "tests-only");
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", "60000"), AlterConfigOp.OpType.SET)))).all().get();
            assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("segment.bytes").value())
                    .isEqualTo("4096");
        }
        assertThatThrownBy(() -> BrokerConfig.of(Map.of("log.dirs", dir.toString(), "log.segment.bytes", "4096")))
                .hasMessageContaining("Invalid value 4096 for configuration log.segment.bytes");
    }

    @Test
    void partitionsPastTheBrokerCapAreRefused() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "max.partitions.per.broker", "10");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("a", 6, (short) 1))).all().get();
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("b", 100_000, (short) 1))).all().get())
                    .cause().isInstanceOf(InvalidPartitionsException.class)
                    .hasMessageContaining("max.partitions.per.broker=10");
            assertThatThrownBy(() -> admin.createPartitions(Map.of("a", NewPartitions.increaseTo(20))).all().get())
                    .cause().isInstanceOf(InvalidPartitionsException.class)
                    .hasMessageContaining("max.partitions.per.broker=10");
            // 6 + one each for __consumer_offsets and __transaction_state: room for 2 more
            admin.createPartitions(Map.of("a", NewPartitions.increaseTo(8))).all().get();
            assertThat(admin.describeTopics(List.of("a")).allTopicNames().get().get("a").partitions()).hasSize(8);
            assertThat(admin.listTopics().names().get()).doesNotContain("b");
        }
    }
}
