package io.runnel.broker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopicCollection;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The state the conformance requests refer to: a topic with records, a group with committed
 * offsets, and helpers that make a fresh topic, group member or open transaction on demand, so
 * that every request under test is one a real client could validly send. Works against any
 * broker (Runnel or, for calibration, Apache Kafka): setup goes through the Admin client and the
 * raw connection only.
 */
final class ConformanceFixture implements AutoCloseable {
    /** Names carry a per-run suffix, so runs against one external broker do not collide. */
    static final String RUN = Long.toString(System.nanoTime() & 0xffffff, 36);
    static final String TOPIC = "conform-" + RUN;
    static final String TXN_TOPIC = "conform-txn-" + RUN;
    static final String GROUP = "conform-group-" + RUN;
    static final String TXN_ID = "conform-txn-id-" + RUN;
    static final int SESSION_TIMEOUT_MS = 30_000;

    final String host;
    final int port;
    final Admin admin;
    final RawConnection helper;
    Uuid topicId;
    private int counter;

    /** A producer id and epoch granted by InitProducerId for {@code transactionalId}. */
    record Txn(String transactionalId, long producerId, short epoch) {
    }

    /** A classic group member after JoinGroup: enough to sync, heartbeat or leave. */
    record Member(String groupId, String memberId, int generation) {
    }

    ConformanceFixture(String bootstrap) throws IOException {
        String[] hostPort = bootstrap.split(",")[0].split(":");
        host = hostPort[0];
        port = Integer.parseInt(hostPort[1]);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        admin = Admin.create(p);
        helper = new RawConnection(host, port);
    }

    /** Creates the shared topics, writes records (one transaction committed), commits the group's offsets. */
    void setUp(String bootstrap) throws Exception {
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic(TXN_TOPIC, 1, (short) 1))).all().get();
        topicId = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).topicId();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("transactional.id", TXN_ID);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "k" + i, "v" + i));
            }
            producer.commitTransaction();
        }
        commitOffsets(GROUP);
    }

    RawConnection connect() throws IOException {
        return new RawConnection(host, port);
    }

    String unique(String prefix) {
        return prefix + "-" + RUN + "-" + (++counter);
    }

    /** A new single-partition topic (for requests that delete or grow one). */
    String newTopic(String prefix) throws ExecutionException, InterruptedException {
        String name = unique(prefix);
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        return name;
    }

    /** A new group that has committed offsets but no members (for deletes). */
    String newGroupWithOffsets(String prefix) throws ExecutionException, InterruptedException {
        String group = unique(prefix);
        commitOffsets(group);
        return group;
    }

    private void commitOffsets(String group) throws ExecutionException, InterruptedException {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(1))).all().get();
    }

    /** Sends a setup request at the newest version both sides know, failing on any error. */
    <R extends AbstractResponse> R call(ApiKeys key, short version, ApiMessage request) throws IOException {
        @SuppressWarnings("unchecked")
        R r = (R) helper.send(key, version, request);
        if (r.errorCounts().keySet().stream().anyMatch(e -> e != Errors.NONE && e != Errors.MEMBER_ID_REQUIRED)) {
            throw new IllegalStateException("setup " + key + " failed: " + r.errorCounts() + " " + r.data());
        }
        return r;
    }

    /** InitProducerId for a fresh transactional id. */
    Txn newTxn() throws IOException {
        String id = unique("conform-txn");
        InitProducerIdResponseData r = ((org.apache.kafka.common.requests.InitProducerIdResponse) call(
                ApiKeys.INIT_PRODUCER_ID, (short) 4,
                new InitProducerIdRequestData().setTransactionalId(id).setTransactionTimeoutMs(60_000))).data();
        return new Txn(id, r.producerId(), r.producerEpoch());
    }

    /** A fresh transaction with {@link #TXN_TOPIC} partition 0 added (AddPartitionsToTxn v3, the client form). */
    Txn newTxnWithPartition() throws IOException {
        Txn t = newTxn();
        AddPartitionsToTxnTopicCollection topics = new AddPartitionsToTxnTopicCollection();
        topics.add(new AddPartitionsToTxnTopic().setName(TXN_TOPIC).setPartitions(List.of(0)));
        call(ApiKeys.ADD_PARTITIONS_TO_TXN, (short) 3, new AddPartitionsToTxnRequestData()
                .setV3AndBelowTransactionalId(t.transactionalId()).setV3AndBelowProducerId(t.producerId())
                .setV3AndBelowProducerEpoch(t.epoch()).setV3AndBelowTopics(topics));
        return t;
    }

    /** A fresh transaction that has added {@link #GROUP}'s offsets (AddOffsetsToTxn). */
    Txn newTxnWithOffsets() throws IOException {
        Txn t = newTxn();
        call(ApiKeys.ADD_OFFSETS_TO_TXN, (short) 3, new AddOffsetsToTxnRequestData()
                .setTransactionalId(t.transactionalId()).setProducerId(t.producerId())
                .setProducerEpoch(t.epoch()).setGroupId(GROUP));
        return t;
    }

    /** A JoinGroup request of a consumer subscribed to {@link #TOPIC}. */
    static JoinGroupRequestData join(String group, String memberId) {
        ByteBuffer subscription = ConsumerProtocol.serializeSubscription(
                new ConsumerPartitionAssignor.Subscription(List.of(TOPIC)));
        byte[] metadata = new byte[subscription.remaining()];
        subscription.get(metadata);
        JoinGroupRequestProtocolCollection protocols = new JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestProtocol().setName("range").setMetadata(metadata));
        return new JoinGroupRequestData().setGroupId(group).setMemberId(memberId).setProtocolType("consumer")
                .setSessionTimeoutMs(SESSION_TIMEOUT_MS).setRebalanceTimeoutMs(SESSION_TIMEOUT_MS).setProtocols(protocols);
    }

    /** The member id a v4+ JoinGroup without one is told to come back with. */
    String requiredMemberId(String group, short version) throws IOException {
        return ((JoinGroupResponseData) call(ApiKeys.JOIN_GROUP, version, join(group, "")).data()).memberId();
    }

    /** The sole member (and so the leader) of a new group, joined but not yet synced. */
    Member joinedMember(String prefix) throws IOException {
        String group = unique(prefix);
        short v = 9;
        String memberId = requiredMemberId(group, v);
        JoinGroupResponseData r = (JoinGroupResponseData) call(ApiKeys.JOIN_GROUP, v, join(group, memberId)).data();
        return new Member(group, r.memberId(), r.generationId());
    }

    /** The sole member of a new group, joined and synced (the group is stable). */
    Member syncedMember(String prefix) throws IOException {
        Member m = joinedMember(prefix);
        call(ApiKeys.SYNC_GROUP, (short) 5, new SyncGroupRequestData().setGroupId(m.groupId())
                .setMemberId(m.memberId()).setGenerationId(m.generation()).setProtocolType("consumer")
                .setProtocolName("range").setAssignments(List.of(new SyncGroupRequestData.SyncGroupRequestAssignment()
                        .setMemberId(m.memberId()).setAssignment(new byte[0]))));
        return m;
    }

    /** A new KIP-848 group with one member subscribed to {@link #TOPIC}. */
    String newConsumerGroup(String prefix) throws IOException {
        String group = unique(prefix);
        call(ApiKeys.CONSUMER_GROUP_HEARTBEAT, (short) 1, consumerGroupJoin(group, UUID.randomUUID().toString()));
        return group;
    }

    static ConsumerGroupHeartbeatRequestData consumerGroupJoin(String group, String memberId) {
        return new ConsumerGroupHeartbeatRequestData().setGroupId(group).setMemberId(memberId).setMemberEpoch(0)
                .setRebalanceTimeoutMs(SESSION_TIMEOUT_MS).setSubscribedTopicNames(List.of(TOPIC))
                .setTopicPartitions(List.of());
    }

    @Override
    public void close() throws IOException {
        helper.close();
        admin.close();
    }
}
