package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that pipelines without reading is throttled; connection limits with Kafka's names. */
class NetworkLimitsTest {
    private static final int HIGH_WATER = 256 * 1024;

    @TempDir
    Path dir;

    @Test
    void aClientThatNeverReadsIsThrottledNotBuffered() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "queued.max.response.bytes.per.connection",
                String.valueOf(HIGH_WATER));
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            for (int i = 0; i < 64; i++) {
                p.send(new ProducerRecord<>("data", 0, null, "x".repeat(1000)));
            }
            p.flush();
            byte[] fetch = fetchFrame();
            byte[] metadata = RawSocket.frame(new RequestHeader(org.apache.kafka.common.protocol.ApiKeys.METADATA,
                    (short) 12, "hog", 2), new MetadataRequestData().setTopics(null));
            Socket hog = new Socket();
            hog.setReceiveBufferSize(16 * 1024);
            hog.connect(new InetSocketAddress("127.0.0.1", broker.port()));
            // 3000 fetches of ~64 KB each: 190 MB of responses if the broker buffered them all
            Thread writer = new Thread(() -> pipeline(hog, fetch, metadata, 3000), "hog-writer");
            writer.setDaemon(true);
            writer.start();
            long bound = HIGH_WATER + 2 * 70_000; // the high-water mark plus the response that crossed it
            long handled = -1;
            for (int i = 0; i < 30 && handled != broker.networkMetrics().requestsHandled(); i++) {
                handled = broker.networkMetrics().requestsHandled();
                Thread.sleep(300); // until the broker has stopped answering the hog
                assertThat(broker.networkMetrics().maxPendingResponseBytes()).isLessThan(bound);
            }
            assertThat(broker.networkMetrics().requestsHandled()).as("the hog was throttled").isLessThan(3000);
            assertThat(broker.networkMetrics().maxPendingResponseBytes()).isGreaterThan(0).isLessThan(bound);
            try (Admin admin = Clients.admin(broker)) { // others are still served
                admin.createTopics(List.of(new NewTopic("other", 1, (short) 1))).all().get();
            }
            hog.close();
        }
    }

    private static byte[] fetchFrame() {
        FetchRequestData data = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(0)
                .setMaxBytes(64 * 1024).setIsolationLevel((byte) 0);
        data.topics().add(new FetchRequestData.FetchTopic().setTopic("data").setPartitions(List.of(
                new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0)
                        .setPartitionMaxBytes(64 * 1024))));
        return RawSocket.frame(new RequestHeader(org.apache.kafka.common.protocol.ApiKeys.FETCH, (short) 12,
                "hog", 1), data);
    }

    private static void pipeline(Socket s, byte[] fetch, byte[] metadata, int n) {
        try {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            for (int i = 0; i < n; i++) {
                byte[] f = i % 10 == 9 ? metadata : fetch;
                out.writeInt(f.length);
                out.write(f);
            }
            out.flush();
        } catch (IOException e) {
            // closed by the test while blocked: the broker stopped reading, as it should
        }
    }

    private static boolean served(RawSocket c) throws IOException {
        try {
            ApiVersionsResponse r = c.call(new ApiVersionsRequestData()
                    .setClientSoftwareName("raw").setClientSoftwareVersion("1"), (short) 3);
            return r.data().errorCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void connectionsOverTheLimitPerIpAreClosed() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "max.connections.per.ip", "3")) {
            List<RawSocket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    open.add(new RawSocket(broker));
                    assertThat(served(open.get(i))).isTrue();
                }
                try (RawSocket fourth = new RawSocket(broker)) {
                    assertThat(served(fourth)).isFalse();
                }
                assertThat(broker.networkMetrics().connectionsRejected()).isEqualTo(1);
                open.remove(0).close();
                waitForRelease(broker, open);
            } finally {
                for (RawSocket c : open) {
                    c.close();
                }
            }
        }
    }

    /** A closed connection frees its place (the close is seen by the broker asynchronously). */
    private static void waitForRelease(RunnelBroker broker, List<RawSocket> open) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            RawSocket c = new RawSocket(broker);
            if (served(c)) {
                open.add(c);
                return;
            }
            c.close();
            Thread.sleep(100);
        }
        throw new AssertionError("a closed connection's place was never freed");
    }

    @Test
    void perIpOverridesAndTheTotalLimitApply() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "max.connections.per.ip", "1",
                "max.connections.per.ip.overrides", "127.0.0.1:4", "max.connections", "2")) {
            // one at a time: connections accepted together are admitted in no set order
            try (RawSocket a = new RawSocket(broker)) {
                assertThat(served(a)).isTrue();
                try (RawSocket b = new RawSocket(broker)) {
                    assertThat(served(b)).as("the override allows more than 1").isTrue();
                    try (RawSocket c = new RawSocket(broker)) {
                        assertThat(served(c)).as("max.connections=2").isFalse();
                    }
                }
            }
        }
        assertThat(BrokerConfig.of(Map.of("log.dirs", dir.toString(), "max.connections.per.ip.overrides",
                "127.0.0.1:4")).get("max.connections.per.ip.overrides")).isEqualTo("127.0.0.1:4");
    }
}
