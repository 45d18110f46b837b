package io.runnel.connectors.kafka;

import io.runnel.api.connector.CommittingSinkWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each checkpoint's records of one subtask in one Kafka transaction under a fresh
 * transactional id. The transaction opens with the first record after a checkpoint (a subtask
 * with nothing to write opens none). {@link #prepareCommit} flushes it, records its producer id
 * and epoch as the committable, and lets the producer go without ending the transaction: the
 * committer ends it, from any process. Transactions of failed attempts are handed over as
 * abort-only committables with the first prepareCommit (see {@link LingeringTransactions}).
 */
final class TransactionalWriter<T> implements CommittingSinkWriter<T, KafkaCommittable> {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalWriter.class);
    private final Properties producerProperties;
    private final KafkaRecordSerializer<T> serializer;
    private final TransactionalIds ids;
    private final int subtask;
    private final List<KafkaCommittable> lingering;
    private long nextSequence;
    private KafkaProducer<byte[], byte[]> producer;
    private String transactionalId;
    private AtomicReference<Exception> failure;

    TransactionalWriter(Properties producerProperties, KafkaRecordSerializer<T> serializer, TransactionalIds ids,
                        int subtask, int parallelism) throws Exception {
        this.producerProperties = producerProperties;
        this.serializer = serializer;
        this.ids = ids;
        this.subtask = subtask;
        LingeringTransactions found = LingeringTransactions.find(producerProperties, ids, subtask, parallelism);
        this.nextSequence = found.nextSequence();
        this.lingering = new ArrayList<>(found.open());
        if (!lingering.isEmpty()) {
            LOG.info("Kafka sink subtask {}: {} open transaction(s) of earlier attempts will be aborted once the "
                    + "next checkpoint completes: {}", subtask, lingering.size(), lingering);
        }
    }

    @Override
    public void write(T record, long timestamp) {
        if (producer == null) begin();
        check();
        AtomicReference<Exception> f = failure;
        producer.send(serializer.serialize(record, timestamp), (meta, e) -> {
            if (e != null) f.compareAndSet(null, e);
        });
    }

    private void begin() {
        transactionalId = ids.id(subtask, nextSequence++);
        Properties p = new Properties();
        p.putAll(producerProperties);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        failure = new AtomicReference<>();
        producer = new KafkaProducer<>(p);
        try {
            producer.initTransactions();
            producer.beginTransaction();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            producer = null;
            throw new IllegalStateException("Kafka sink: could not open transaction " + transactionalId + " at "
                    + producerProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getMessage(), e);
        }
    }

    private void check() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("Kafka sink: a send in transaction " + transactionalId + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Collection<KafkaCommittable> prepareCommit(long checkpointId) {
        List<KafkaCommittable> out = new ArrayList<>(lingering);
        if (producer != null) {
            producer.flush();
            check();
            out.add(ProducerInternals.capture(producer, transactionalId));
            producer.close(Duration.ZERO); // at once: a graceful close would abort the transaction
            producer = null;
        }
        lingering.clear();
        return out;
    }

    /** A transaction still open here was never prepared: abort it. */
    @Override
    public void close() {
        if (producer == null) return;
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warn("Kafka sink: could not abort open transaction {}; the next attempt aborts it", transactionalId, e);
        } finally {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
