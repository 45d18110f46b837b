package io.runnel.broker;

import io.runnel.log.AppendResult;
import io.runnel.log.BatchDescriptor;
import io.runnel.log.BatchTooLargeException;
import io.runnel.log.InvalidBatchException;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import io.runnel.broker.txn.TransactionCoordinator;
import io.runnel.broker.txn.TxnPartitions;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produce: validates each v2 batch with kafka-clients (magic, CRC, size), checks idempotent
 * sequences, applies the topic's timestamp type and compression ({@link AppendPolicy}), appends (the log assigns offsets and applies the fsync policy before returning, so
 * acks=1 and acks=all answer after it), then wakes parked fetches. acks=0 gets no response.
 */
final class ProduceHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProduceHandler.class);
    private final Topics topics;
    private final PartitionStates states;
    private final FetchWaiters waiters;
    private final TransactionCoordinator transactions;
    private final TxnPartitions txnPartitions;

    ProduceHandler(Topics topics, PartitionStates states, FetchWaiters waiters, TransactionCoordinator transactions,
                   TxnPartitions txnPartitions) {
        this.transactions = transactions;
        this.txnPartitions = txnPartitions;
        this.topics = topics;
        this.states = states;
        this.waiters = waiters;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ProduceRequestData req = ((ProduceRequest) request).data();
        short acks = req.acks();
        ProduceResponseData resp = new ProduceResponseData();
        for (ProduceRequestData.TopicProduceData td : req.topicData()) {
            ProduceResponseData.TopicProduceResponse tr = new ProduceResponseData.TopicProduceResponse()
                    .setName(td.name()).setTopicId(td.topicId());
            Topic topic = topics.find(td.name(), td.topicId());
            for (ProduceRequestData.PartitionProduceData pd : td.partitionData()) {
                PartitionProduceResponse pr;
                if (acks != 0 && acks != 1 && acks != -1) {
                    pr = error(pd.index(), Errors.INVALID_REQUIRED_ACKS, "acks=" + acks);
                } else if (topic == null || topic.partition(pd.index()) == null) {
                    Errors e = (td.name() == null || td.name().isEmpty()) && topic == null
                            ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION;
                    pr = error(pd.index(), e, null);
                } else if (Topics.isInternal(topic.name())) {
                    pr = error(pd.index(), Errors.INVALID_TOPIC_EXCEPTION, "clients may not write to internal topic "
                            + topic.name());
                } else if (!(pd.records() instanceof MemoryRecords records)) {
                    pr = error(pd.index(), Errors.CORRUPT_MESSAGE, "no records for partition " + pd.index());
                } else {
                    pr = append(topic.partition(pd.index()), records, pd.index(), topics.appendPolicy(topic),
                            topics.logs().compaction(topic).compact());
                }
                tr.partitionResponses().add(pr);
            }
            resp.responses().add(tr);
        }
        return CompletableFuture.completedFuture(acks == 0 ? null : new ProduceResponse(resp));
    }

    private PartitionProduceResponse append(PartitionLog log, MemoryRecords records, int index, AppendPolicy policy,
                                            boolean compacted) {
        long first = -1;
        long now = System.currentTimeMillis();
        try {
            synchronized (log) {
                // the transaction state exists from the partition's first append on (a scan of an empty
                // log): the first fetch of a partition written without transactions then finds it and
                // does not read every batch header first (~100 ms a GB, the consumer's first record)
                txnPartitions.get(log);
                int pos = 0;
                ByteBuffer buffer = records.buffer();
                for (MutableRecordBatch batch : records.batches()) {
                    if (batch.magic() != RecordBatch.MAGIC_VALUE_V2) {
                        return error(index, Errors.UNSUPPORTED_FOR_MESSAGE_FORMAT, "magic " + batch.magic());
                    }
                    batch.ensureValid();
                    if (batch.isControlBatch()) {
                        return error(index, Errors.INVALID_RECORD, "clients may not write control batches");
                    }
                    String problem = ProducerBatchChecks.problem(batch);
                    if (problem != null) {
                        return error(index, Errors.INVALID_RECORD, "batch at byte " + pos + ": " + problem);
                    }
                    if (compacted && hasRecordWithoutKey(batch)) {
                        return error(index, Errors.INVALID_RECORD, "Compacted topic cannot accept message without key"
                                + " in topic partition " + log);
                    }
                    ByteBuffer one = buffer.duplicate();
                    one.position(buffer.position() + pos).limit(buffer.position() + pos + batch.sizeInBytes());
                    pos += batch.sizeInBytes();
                    long offset = appendBatch(log, batch, policy.apply(batch, one, now));
                    if (first < 0) {
                        first = offset;
                    }
                }
                if (first < 0) {
                    return error(index, Errors.CORRUPT_MESSAGE, "no record batch");
                }
            }
        } catch (RejectedBatch e) {
            return error(index, e.error, e.getMessage());
        } catch (CorruptRecordException | InvalidBatchException e) {
            return error(index, Errors.CORRUPT_MESSAGE, e.getMessage());
        } catch (BatchTooLargeException e) {
            return error(index, Errors.MESSAGE_TOO_LARGE, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Append to {} failed", log, e);
            return error(index, Errors.KAFKA_STORAGE_ERROR, e.getMessage());
        }
        waiters.onAppend(log);
        return new PartitionProduceResponse().setIndex(index).setBaseOffset(first)
                .setLogAppendTimeMs(policy.responseTime(now))
                .setLogStartOffset(log.logStartOffset());
    }

    /** Kafka refuses keyless records on compacted topics: the cleaner could not keep them. */
    private static boolean hasRecordWithoutKey(MutableRecordBatch batch) {
        for (org.apache.kafka.common.record.internal.Record r : batch) {
            if (!r.hasKey()) {
                return true;
            }
        }
        return false;
    }

    /** A batch refused by the idempotence checks; nothing of it was written. */
    private static final class RejectedBatch extends RuntimeException {
        final Errors error;

        RejectedBatch(Errors error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }

    /** Appends one batch and returns its base offset (the original one for a duplicate). */
    private long appendBatch(PartitionLog log, MutableRecordBatch batch, ByteBuffer bytes) {
        if (!batch.hasProducerId()) {
            return log.append(bytes).firstOffset();
        }
        if (batch.isTransactional()) {
            Errors e = transactions.checkProduce(batch.producerId(), batch.producerEpoch(), log.topic(), log.partition());
            if (e != Errors.NONE) {
                throw new RejectedBatch(e, "transactional batch of producer " + batch.producerId() + " to " + log);
            }
        }
        ProducerStates ps = states.producers(log);
        ProducerStates.Check check = ps.check(batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                batch.lastSequence());
        if (check.duplicate() != null) {
            return check.duplicate().firstOffset();
        }
        if (check.error() != null) {
            throw new RejectedBatch(check.error(), "producer " + batch.producerId() + " epoch "
                    + batch.producerEpoch() + " sequence " + batch.baseSequence() + " on " + log);
        }
        if (batch.isTransactional()) {
            txnPartitions.get(log).beforeTransactionalAppend(batch.producerId(), log.logEndOffset());
        }
        AppendResult r = log.append(bytes);
        ps.record(batch.producerId(), batch.producerEpoch(), new ProducerStates.BatchMeta(batch.baseSequence(),
                batch.lastSequence(), r.firstOffset(), r.lastOffset()), BatchDescriptor.maxTimestamp(bytes, bytes.position()),
                batch.isTransactional());
        return r.firstOffset();
    }

    private static PartitionProduceResponse error(int index, Errors error, String message) {
        return new PartitionProduceResponse().setIndex(index).setErrorCode(error.code())
                .setErrorMessage(message).setBaseOffset(-1).setLogAppendTimeMs(-1).setLogStartOffset(-1);
    }
}
