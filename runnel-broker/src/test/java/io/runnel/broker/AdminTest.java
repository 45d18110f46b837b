package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Admin client: topics, partitions, configs, cluster, offsets; errors for bad input. */
class AdminTest {
    @TempDir
    Path dir;

    @Test
    void topicLifecycleConfigsAndCluster() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "auto.create.topics.enable", "false");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("t1", 2, (short) 1).configs(Map.of("retention.ms", "60000"))))
                    .all().get();
            assertThat(admin.listTopics().names().get()).contains("t1").doesNotContain("__consumer_offsets");
            TopicDescription d = admin.describeTopics(List.of("t1")).allTopicNames().get().get("t1");
            assertThat(d.partitions()).hasSize(2);
            assertThat(d.topicId()).isNotNull();

            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("t1", 1, (short) 1))).all().get())
                    .hasCauseInstanceOf(TopicExistsException.class);
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("t2", 1, (short) 3))).all().get())
                    .hasCauseInstanceOf(InvalidReplicationFactorException.class);
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("t3", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact,shred")))).all().get())
                    .hasCauseInstanceOf(InvalidConfigurationException.class);

            admin.createPartitions(Map.of("t1", NewPartitions.increaseTo(4))).all().get();
            assertThat(admin.describeTopics(List.of("t1")).allTopicNames().get().get("t1").partitions()).hasSize(4);

            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, "t1");
            Config config = admin.describeConfigs(List.of(res)).all().get().get(res);
            assertThat(config.get("retention.ms").value()).isEqualTo("60000");
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");

            admin.incrementalAlterConfigs(Map.of(res, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.bytes", "123456"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("retention.ms", null), AlterConfigOp.OpType.DELETE)))).all().get();
            Config altered = admin.describeConfigs(List.of(res)).all().get().get(res);
            assertThat(altered.get("retention.bytes").value()).isEqualTo("123456");
            assertThat(altered.get("retention.ms").value()).isEqualTo(String.valueOf(7L * 24 * 3600 * 1000));
            assertThatThrownBy(() -> admin.incrementalAlterConfigs(Map.of(res, List.of(new AlterConfigOp(
                    new ConfigEntry("min.cleanable.dirty.ratio", "1.5"), AlterConfigOp.OpType.SET)))).all().get())
                    .hasCauseInstanceOf(InvalidConfigurationException.class);

            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo("runnel-cluster");

            try (KafkaProducer<String, String> p = Clients.producer(broker)) {
                p.send(new ProducerRecord<>("t1", 1, 5000L, null, "a")).get();
                p.send(new ProducerRecord<>("t1", 1, 7000L, null, "b")).get();
            }
            TopicPartition tp = new TopicPartition("t1", 1);
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset()).isEqualTo(2);
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset()).isZero();
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.maxTimestamp())).all().get().get(tp).offset()).isEqualTo(1);
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(6000))).all().get().get(tp).offset())
                    .isEqualTo(1);

            admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(1))).all().get();
            assertThat(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset()).isEqualTo(1);

            admin.deleteTopics(List.of("t1")).all().get();
            assertThat(admin.listTopics().names().get()).doesNotContain("t1");
            assertThatThrownBy(() -> admin.describeTopics(List.of("t1")).allTopicNames().get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        }
    }

    @Test
    void unknownTopicIsReportedWhenAutoCreateIsOff() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "auto.create.topics.enable", "false");
             KafkaProducer<String, String> p = Clients.producer(broker, "max.block.ms", 1500)) {
            assertThatThrownBy(() -> p.send(new ProducerRecord<>("nope", "x")).get())
                    .hasMessageContaining("not present in metadata");
            try (Admin admin = Clients.admin(broker)) {
                assertThat(admin.listTopics().names().get()).doesNotContain("nope");
            }
        }
    }

    @Test
    void internalTopicsCannotBeWrittenByClients() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            assertThatThrownBy(() -> p.send(new ProducerRecord<>("__consumer_offsets", 0, null, "junk")).get())
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.InvalidTopicException.class);
        }
        Clients.broker(dir).close(); // and the broker still starts
    }

    @Test
    void topicsAreAutoCreatedWithNumPartitions() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "num.partitions", "3");
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            p.send(new ProducerRecord<>("auto", "x")).get();
            try (Admin admin = Clients.admin(broker)) {
                assertThat(admin.describeTopics(Set.of("auto")).allTopicNames().get().get("auto").partitions())
                        .hasSize(3);
            }
        }
    }
}
