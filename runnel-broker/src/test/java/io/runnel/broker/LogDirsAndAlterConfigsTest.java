package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AlterConfigsRequest;
import org.apache.kafka.common.requests.AlterConfigsResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DescribeLogDirs through the Admin client; the legacy AlterConfigs (gone from the 4.x Admin) as a raw request. */
class LogDirsAndAlterConfigsTest {
    @TempDir
    Path dir;

    @Test
    void describeLogDirsReportsTheDataDirAndPartitionSizes() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             KafkaProducer<String, String> producer = Clients.producer(broker)) {
            admin.createTopics(List.of(new NewTopic("sized", 2, (short) 1))).all().get();
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>("sized", 0, null, "record-" + i));
            }
            producer.flush();
            Map<String, LogDirDescription> dirs = admin.describeLogDirs(List.of(0)).allDescriptions().get().get(0);
            assertThat(dirs).containsOnlyKeys(dir.toAbsolutePath().toString());
            LogDirDescription d = dirs.values().iterator().next();
            assertThat(d.error()).isNull();
            ReplicaInfo p0 = d.replicaInfos().get(new TopicPartition("sized", 0));
            ReplicaInfo p1 = d.replicaInfos().get(new TopicPartition("sized", 1));
            long onDisk = broker.config().dataDir().resolve("sized-0").toFile().listFiles(
                    f -> f.getName().endsWith(".log"))[0].length();
            assertThat(p0.size()).isEqualTo(onDisk).isPositive();
            assertThat(p0.offsetLag()).isZero();
            assertThat(p0.isFuture()).isFalse();
            assertThat(p1.size()).isZero();
            assertThat(d.totalBytes()).isPresent();
            assertThat(d.usableBytes().getAsLong()).isPositive();
        }
    }

    @Test
    void legacyAlterConfigsReplacesTheWholeOverrideSet() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir); Admin admin = Clients.admin(broker);
             RawClient raw = new RawClient(broker)) {
            admin.createTopics(List.of(new NewTopic("conf", 1, (short) 1)
                    .configs(Map.of("retention.ms", "1000", "segment.bytes", "100000")))).all().get();
            AlterConfigsResponse resp = raw.send(alter("conf", "retention.bytes", "12345"));
            assertThat(resp.errors().get(new ConfigResource(ConfigResource.Type.TOPIC, "conf")).error())
                    .isEqualTo(Errors.NONE);
            var configs = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "conf")))
                    .all().get().values().iterator().next();
            assertThat(configs.get("retention.bytes").value()).isEqualTo("12345");
            assertThat(configs.get("retention.bytes").source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            // not named, so back to the broker default (incremental alter would have kept it)
            assertThat(configs.get("retention.ms").value()).isEqualTo(String.valueOf(7L * 24 * 3600 * 1000));
            assertThat(configs.get("segment.bytes").source()).isEqualTo(ConfigEntry.ConfigSource.DEFAULT_CONFIG);

            AlterConfigsResponse bad = raw.send(alter("conf", "no.such.config", "1"));
            assertThat(bad.errors().get(new ConfigResource(ConfigResource.Type.TOPIC, "conf")).error())
                    .isEqualTo(Errors.INVALID_CONFIG);
            var still = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "conf")))
                    .all().get().values().iterator().next();
            assertThat(still.get("retention.bytes").value()).isEqualTo("12345");
        }
    }

    private static AlterConfigsRequest.Builder alter(String topic, String name, String value) {
        return new AlterConfigsRequest.Builder(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                new AlterConfigsRequest.Config(List.of(new AlterConfigsRequest.ConfigEntry(name, value)))), false);
    }
}
