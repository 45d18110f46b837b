package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code queued.max.requests}: a broker-wide bound that neither leaks nor is held by a long poll. */
class RequestSlotsTest {
    @TempDir
    Path dir;

    @Test
    void oneSlotServesManyConnectionsAndALongPollDoesNotHoldIt() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "queued.max.requests", "1");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("empty", 1, (short) 1))).all().get();
            try (RawSocket poller = new RawSocket(broker); RawSocket other = new RawSocket(broker)) {
                FetchRequestData poll = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(3000).setMinBytes(1)
                        .setMaxBytes(1 << 20);
                poll.topics().add(new FetchRequestData.FetchTopic().setTopic("empty").setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(0)
                                .setPartitionMaxBytes(1 << 20))));
                RequestHeader pollHeader = poller.header(poll, (short) 12);
                poller.sendFrame(RawSocket.frame(pollHeader, poll));
                Thread.sleep(200); // the fetch is parked
                MetadataResponse m = other.call(new MetadataRequestData().setTopics(null), (short) 12);
                assertThat(m.topicMetadata()).isNotEmpty();
                assertThat(poller.socket().getInputStream().available()).as("the fetch is still parked").isZero();
                FetchResponse fetched = (FetchResponse) poller.receive(pollHeader);
                assertThat(fetched.error().code()).isZero();
            }
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                runs.add(clients.submit(() -> {
                    int answered = 0;
                    try (RawSocket conn = new RawSocket(broker)) {
                        for (int i = 0; i < 50; i++) {
                            MetadataResponse r = conn.call(new MetadataRequestData().setTopics(null), (short) 12);
                            answered += r.topicMetadata().isEmpty() ? 0 : 1;
                        }
                    }
                    return answered;
                }));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(50);
            }
            clients.shutdownNow();
        }
    }
}
