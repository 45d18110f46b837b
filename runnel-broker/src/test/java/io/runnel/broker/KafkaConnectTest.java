package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.broker.connect.CountingSourceConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.FutureCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distributed Kafka Connect worker against the broker: it creates its config, offset and status
 * topics (compacted), and a source connector's records reach a consumer.
 */
class KafkaConnectTest {
    private static final List<String> WORKER_TOPICS = List.of("connect-configs", "connect-offsets", "connect-status");
    @TempDir
    Path dir;

    @Test
    void aDistributedWorkerRunsASourceConnectorOverCompactedInternalTopics() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "log.cleaner.backoff.ms", "100");
             Admin admin = Clients.admin(broker)) {
            Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(workerConfig(broker));
            try {
                FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
                connect.herder().putConnectorConfig("counter", Map.of(
                        "name", "counter", "connector.class", CountingSourceConnector.class.getName(),
                        "tasks.max", "1", "topic", "connect-out", "count", "10"), false, created);
                assertThat(created.get(60, TimeUnit.SECONDS).created()).isTrue();

                assertThat(readValues(broker, 10)).containsExactly("record-0", "record-1", "record-2", "record-3",
                        "record-4", "record-5", "record-6", "record-7", "record-8", "record-9");
                for (String topic : WORKER_TOPICS) {
                    ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                    Config c = admin.describeConfigs(List.of(res)).all().get().get(res);
                    assertThat(c.get("cleanup.policy").value()).as(topic).isEqualTo("compact");
                }
            } finally {
                connect.stop();
                connect.awaitStop();
            }
        }
    }

    private static Map<String, String> workerConfig(RunnelBroker broker) {
        Map<String, String> w = new HashMap<>();
        w.put("bootstrap.servers", broker.bootstrapServers());
        w.put("group.id", "connect-cluster");
        w.put("config.storage.topic", WORKER_TOPICS.get(0));
        w.put("offset.storage.topic", WORKER_TOPICS.get(1));
        w.put("status.storage.topic", WORKER_TOPICS.get(2));
        w.put("config.storage.replication.factor", "1");
        w.put("offset.storage.replication.factor", "1");
        w.put("status.storage.replication.factor", "1");
        w.put("offset.storage.partitions", "2");
        w.put("status.storage.partitions", "1");
        w.put("key.converter", StringConverter.class.getName());
        w.put("value.converter", StringConverter.class.getName());
        w.put("listeners", "http://127.0.0.1:0");
        w.put("plugin.discovery", "service_load");
        w.put("offset.flush.interval.ms", "200");
        return w;
    }

    private static List<String> readValues(RunnelBroker broker, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = Clients.consumer(broker, "group.id", "reader")) {
            c.subscribe(List.of("connect-out"));
            for (int i = 0; i < 300 && values.size() < count; i++) {
                c.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
