package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ElectionNotNeededException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeProducersRequest;
import org.apache.kafka.common.requests.DescribeProducersResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official Admin client: DescribeProducers, ListTransactions, DescribeTransactions, ElectLeaders. */
class AdminProducersTransactionsTest {
    @TempDir
    Path dir;

    @Test
    void describeProducersListAndDescribeTransactions() throws Exception {
        TopicPartition p0 = new TopicPartition("t", 0);
        TopicPartition p1 = new TopicPartition("t", 1);
        try (RunnelBroker broker = Clients.broker(dir, "auto.create.topics.enable", "false");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
            long before = System.currentTimeMillis();
            try (KafkaProducer<String, String> idem = Clients.producer(broker, "enable.idempotence", "true");
                 KafkaProducer<String, String> tx = Clients.producer(broker, "transactional.id", "tx-1")) {
                idem.send(new ProducerRecord<>("t", 0, null, "a")).get();
                idem.send(new ProducerRecord<>("t", 0, null, "b")).get();
                tx.initTransactions();
                tx.beginTransaction();
                tx.send(new ProducerRecord<>("t", 1, null, "x")).get();

                List<ProducerState> onP0 = admin.describeProducers(List.of(p0)).partitionResult(p0).get()
                        .activeProducers();
                assertThat(onP0).hasSize(1);
                assertThat(onP0.get(0).lastSequence()).isEqualTo(1);
                assertThat(onP0.get(0).lastTimestamp()).isGreaterThanOrEqualTo(before);
                assertThat(onP0.get(0).currentTransactionStartOffset()).isEmpty();
                assertThat(onP0.get(0).coordinatorEpoch()).isEmpty();

                List<ProducerState> onP1 = admin.describeProducers(List.of(p1)).partitionResult(p1).get()
                        .activeProducers();
                assertThat(onP1).hasSize(1);
                ProducerState txState = onP1.get(0);
                assertThat(txState.producerId()).isNotEqualTo(onP0.get(0).producerId());
                assertThat(txState.lastSequence()).isEqualTo(0);
                assertThat(txState.currentTransactionStartOffset()).hasValue(0L);
                assertThat(txState.coordinatorEpoch()).hasValue(0);

                Collection<TransactionListing> all = admin.listTransactions().all().get();
                assertThat(all).extracting(TransactionListing::transactionalId).containsExactly("tx-1");
                TransactionListing listing = all.iterator().next();
                assertThat(listing.state()).isEqualTo(TransactionState.ONGOING);
                assertThat(listing.producerId()).isEqualTo(txState.producerId());
                assertThat(admin.listTransactions(new ListTransactionsOptions()
                        .filterStates(List.of(TransactionState.COMPLETE_COMMIT))).all().get()).isEmpty();
                assertThat(admin.listTransactions(new ListTransactionsOptions()
                        .filterStates(List.of(TransactionState.ONGOING))).all().get()).hasSize(1);
                assertThat(admin.listTransactions(new ListTransactionsOptions()
                        .filterProducerIds(Set.of(txState.producerId() + 1000))).all().get()).isEmpty();
                assertThat(admin.listTransactions(new ListTransactionsOptions()
                        .filterProducerIds(Set.of(txState.producerId()))).all().get()).hasSize(1);

                TransactionDescription d = admin.describeTransactions(List.of("tx-1")).description("tx-1").get();
                assertThat(d.state()).isEqualTo(TransactionState.ONGOING);
                assertThat(d.producerId()).isEqualTo(txState.producerId());
                assertThat(d.producerEpoch()).isEqualTo(txState.producerEpoch());
                assertThat(d.transactionTimeoutMs()).isEqualTo(60_000);
                assertThat(d.transactionStartTimeMs()).isPresent();
                assertThat(d.transactionStartTimeMs().getAsLong()).isGreaterThanOrEqualTo(before);
                assertThat(d.topicPartitions()).containsExactly(p1);

                tx.commitTransaction();
                TransactionDescription done = admin.describeTransactions(List.of("tx-1")).description("tx-1").get();
                assertThat(done.state()).isEqualTo(TransactionState.COMPLETE_COMMIT);
                assertThat(done.transactionStartTimeMs()).isEmpty();
                assertThat(admin.describeProducers(List.of(p1)).partitionResult(p1).get().activeProducers().get(0)
                        .currentTransactionStartOffset()).isEmpty();
            }
            assertThatThrownBy(() -> admin.describeTransactions(List.of("nope")).description("nope").get())
                    .hasCauseInstanceOf(TransactionalIdNotFoundException.class);
            TopicPartition unknown = new TopicPartition("nope", 0);
            // The Admin client retries an unknown partition's leader lookup until it times out, so ask raw.
            DescribeProducersRequestData req = new DescribeProducersRequestData();
            req.topics().add(new DescribeProducersRequestData.TopicRequest().setName("nope")
                    .setPartitionIndexes(List.of(0)));
            req.topics().add(new DescribeProducersRequestData.TopicRequest().setName("t")
                    .setPartitionIndexes(List.of(7)));
            DescribeProducersResponse resp = (DescribeProducersResponse) raw(broker, ApiKeys.DESCRIBE_PRODUCERS,
                    new DescribeProducersRequest.Builder(req).build());
            assertThat(resp.data().topics()).allSatisfy(t -> assertThat(t.partitions()).singleElement()
                    .satisfies(p -> assertThat(p.errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code())));
        }
    }

    @Test
    void describeProducersAfterRestartAndDurationFilter() throws Exception {
        TopicPartition p0 = new TopicPartition("t", 0);
        long producerId;
        try (RunnelBroker broker = Clients.broker(dir, "auto.create.topics.enable", "false");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> tx = Clients.producer(broker, "transactional.id", "tx-2")) {
                tx.initTransactions();
                tx.beginTransaction();
                tx.send(new ProducerRecord<>("t", 0, 1234L, null, "x")).get();
                tx.send(new ProducerRecord<>("t", 0, 5678L, null, "y")).get();
                Thread.sleep(50);
                assertThat(admin.listTransactions(new ListTransactionsOptions().filterOnDuration(10)).all().get())
                        .extracting(TransactionListing::transactionalId).containsExactly("tx-2");
                assertThat(admin.listTransactions(new ListTransactionsOptions().filterOnDuration(3_600_000)).all()
                        .get()).isEmpty();
                tx.commitTransaction();
                producerId = admin.describeProducers(List.of(p0)).partitionResult(p0).get().activeProducers().get(0)
                        .producerId();
            }
        }
        try (RunnelBroker broker = Clients.broker(dir, "auto.create.topics.enable", "false");
             Admin admin = Clients.admin(broker)) {
            List<ProducerState> after = admin.describeProducers(List.of(p0)).partitionResult(p0).get()
                    .activeProducers();
            assertThat(after).singleElement().satisfies(s -> {
                assertThat(s.producerId()).isEqualTo(producerId);
                assertThat(s.lastSequence()).isEqualTo(1);
                assertThat(s.lastTimestamp()).isEqualTo(5678L);
                assertThat(s.currentTransactionStartOffset()).isEmpty();
            });
            assertThat(admin.describeTransactions(List.of("tx-2")).description("tx-2").get().state())
                    .isEqualTo(TransactionState.COMPLETE_COMMIT);
        }
    }

    /** Sends one request on a fresh connection and parses the response. */
    private static AbstractResponse raw(RunnelBroker broker, ApiKeys key, AbstractRequest request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", broker.port())) {
            s.setSoTimeout(5000);
            RequestHeader header = new RequestHeader(key, request.version(), "raw-test", 7);
            ByteBuffer buf = request.serializeWithHeader(header);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(buf.remaining());
            out.write(buf.array(), buf.arrayOffset() + buf.position(), buf.remaining());
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] resp = new byte[in.readInt()];
            in.readFully(resp);
            return AbstractResponse.parseResponse(ByteBuffer.wrap(resp), header);
        }
    }

    @Test
    void electLeadersIsNotNeededOnOneNode() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir, "auto.create.topics.enable", "false");
             Admin admin = Clients.admin(broker)) {
            admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
            TopicPartition p0 = new TopicPartition("t", 0);
            TopicPartition unknown = new TopicPartition("nope", 0);
            Map<TopicPartition, Optional<Throwable>> r = admin.electLeaders(ElectionType.PREFERRED,
                    Set.of(p0, unknown)).partitions().get();
            assertThat(r).containsOnlyKeys(p0, unknown);
            assertThat(r.get(p0)).containsInstanceOf(ElectionNotNeededException.class);
            assertThat(r.get(unknown)).containsInstanceOf(UnknownTopicOrPartitionException.class);
            assertThat(admin.electLeaders(ElectionType.UNCLEAN, Set.of(p0)).partitions().get().get(p0))
                    .containsInstanceOf(ElectionNotNeededException.class);
            assertThat(admin.electLeaders(ElectionType.PREFERRED, null).partitions().get()).isEmpty();
            admin.electLeaders(ElectionType.PREFERRED, null).all().get();
        }
    }
}
