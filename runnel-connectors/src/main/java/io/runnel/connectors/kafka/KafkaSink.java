package io.runnel.connectors.kafka;

import io.runnel.api.connector.CommittingSinkWriter;
import io.runnel.api.connector.Committer;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.TwoPhaseCommitSink;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records through the Kafka protocol, acks=all. {@link DeliveryGuarantee#AT_LEAST_ONCE}
 * (the default) uses one idempotent producer per subtask and flushes it at every checkpoint;
 * {@link DeliveryGuarantee#EXACTLY_ONCE} writes one transaction per checkpoint and subtask and
 * commits it when the checkpoint completes (docs/connectors.md explains the mechanism).
 */
public final class KafkaSink<T> implements TwoPhaseCommitSink<T, KafkaCommittable> {
    private static final long serialVersionUID = 1L;
    /** Kafka's default broker cap (transaction.max.timeout.ms): checkpoints and recovery must fit in it. */
    static final String DEFAULT_TRANSACTION_TIMEOUT_MS = "900000";
    private final Map<String, String> properties;
    private final KafkaRecordSerializer<T> serializer;
    private final DeliveryGuarantee guarantee;
    private final String transactionalIdPrefix;

    /** An at-least-once sink. */
    public KafkaSink(String bootstrapServers, KafkaRecordSerializer<T> serializer) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), serializer);
    }

    /** An at-least-once sink with any producer properties. */
    public KafkaSink(Map<String, String> properties, KafkaRecordSerializer<T> serializer) {
        this(properties, serializer, DeliveryGuarantee.AT_LEAST_ONCE, null);
    }

    private KafkaSink(Map<String, String> properties, KafkaRecordSerializer<T> serializer,
                      DeliveryGuarantee guarantee, String transactionalIdPrefix) {
        this.properties = new LinkedHashMap<>(properties);
        this.serializer = Objects.requireNonNull(serializer, "Kafka sink: a serializer is required");
        this.guarantee = Objects.requireNonNull(guarantee);
        this.transactionalIdPrefix = transactionalIdPrefix;
        if (!this.properties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("Kafka sink: bootstrap servers are required");
        }
        if (this.properties.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
            throw new IllegalArgumentException("Kafka sink: set transactional ids with setTransactionalIdPrefix, "
                    + "not the transactional.id property");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            if (transactionalIdPrefix == null) {
                throw new IllegalArgumentException("Kafka sink: EXACTLY_ONCE needs setTransactionalIdPrefix(...), "
                        + "unique to this sink among all jobs writing to the cluster");
            }
            new TransactionalIds(transactionalIdPrefix); // validates the prefix now, not in a task
            transactionTimeout(); // and the timeout
        }
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public DeliveryGuarantee deliveryGuarantee() {
        return guarantee;
    }

    /** The user's properties: what an Admin client or a resumed producer needs to reach the cluster. */
    private Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        return p;
    }

    private Properties producerProperties() {
        Properties p = clientProperties();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
        }
        return p;
    }

    @Override
    public CommittingSinkWriter<T, KafkaCommittable> createWriter(SinkContext context) throws Exception {
        Properties producer = producerProperties();
        if (FixedSubtaskPartitioner.class.getName().equals(producer.getProperty(ProducerConfig.PARTITIONER_CLASS_CONFIG))) {
            producer.put(FixedSubtaskPartitioner.SUBTASK, Integer.toString(context.subtaskIndex()));
        }
        if (guarantee == DeliveryGuarantee.AT_LEAST_ONCE) {
            return new AtLeastOnceWriter<>(producer, serializer);
        }
        return new TransactionalWriter<>(producer, serializer, new TransactionalIds(transactionalIdPrefix),
                context.subtaskIndex(), context.parallelism());
    }

    /** Exactly-once: the producer's {@code transaction.timeout.ms}, after which the broker aborts an open transaction. */
    @Override
    public java.util.Optional<java.time.Duration> transactionTimeout() {
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) return java.util.Optional.empty();
        String ms = properties.getOrDefault(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
        try {
            return java.util.Optional.of(java.time.Duration.ofMillis(Long.parseLong(ms.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Kafka sink: " + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + " must be milliseconds, got '" + ms + "'");
        }
    }

    @Override
    public Committer<KafkaCommittable> createCommitter() {
        return new KafkaCommitter(producerProperties());
    }

    /** Builds a {@link KafkaSink}, in the manner of Flink's. */
    public static final class Builder<T> {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private KafkaRecordSerializer<T> serializer;
        private DeliveryGuarantee guarantee = DeliveryGuarantee.AT_LEAST_ONCE;
        private String transactionalIdPrefix;

        public Builder<T> setBootstrapServers(String servers) {
            return setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        }

        public Builder<T> setRecordSerializer(KafkaRecordSerializer<T> serializer) {
            this.serializer = serializer;
            return this;
        }

        public Builder<T> setDeliveryGuarantee(DeliveryGuarantee guarantee) {
            this.guarantee = Objects.requireNonNull(guarantee);
            return this;
        }

        /** Needed for EXACTLY_ONCE; ids are {@code <prefix>-<subtask>-<sequence>}. */
        public Builder<T> setTransactionalIdPrefix(String prefix) {
            this.transactionalIdPrefix = prefix;
            return this;
        }

        /** Any Kafka producer property, e.g. {@code transaction.timeout.ms} (default 900000 when exactly-once). */
        public Builder<T> setProperty(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public KafkaSink<T> build() {
            return new KafkaSink<>(properties, serializer, guarantee, transactionalIdPrefix);
        }
    }
}
