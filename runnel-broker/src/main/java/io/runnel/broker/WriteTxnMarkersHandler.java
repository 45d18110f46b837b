package io.runnel.broker;

import io.runnel.broker.txn.TxnPartitions;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.WriteTxnMarkersRequestData;
import org.apache.kafka.common.message.WriteTxnMarkersResponseData;
import org.apache.kafka.common.message.WriteTxnMarkersResponseData.WritableTxnMarkerPartitionResult;
import org.apache.kafka.common.message.WriteTxnMarkersResponseData.WritableTxnMarkerResult;
import org.apache.kafka.common.message.WriteTxnMarkersResponseData.WritableTxnMarkerTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestContext;
import org.apache.kafka.common.requests.WriteTxnMarkersRequest;
import org.apache.kafka.common.requests.WriteTxnMarkersResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WriteTxnMarkers: writes a commit or abort marker for a producer into each named partition,
 * closing its open transaction there (so the last stable offset moves past it). Kafka's
 * coordinators send it to partition leaders; here the coordinator writes markers itself, and this
 * API serves {@code Admin.abortTransaction} for hanging transactions. A marker older than the
 * producer's epoch on the partition is refused with INVALID_PRODUCER_EPOCH. The transaction
 * coordinator's own record of the transaction is not changed, as in Kafka.
 */
final class WriteTxnMarkersHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WriteTxnMarkersHandler.class);
    private final Topics topics;
    private final PartitionStates states;
    private final TxnPartitions txnPartitions;
    private final FetchWaiters waiters;

    WriteTxnMarkersHandler(Topics topics, PartitionStates states, TxnPartitions txnPartitions, FetchWaiters waiters) {
        this.topics = topics;
        this.states = states;
        this.txnPartitions = txnPartitions;
        this.waiters = waiters;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        WriteTxnMarkersRequestData req = ((WriteTxnMarkersRequest) request).data();
        WriteTxnMarkersResponseData resp = new WriteTxnMarkersResponseData();
        for (WriteTxnMarkersRequestData.WritableTxnMarker m : req.markers()) {
            WritableTxnMarkerResult mr = new WritableTxnMarkerResult().setProducerId(m.producerId());
            for (WriteTxnMarkersRequestData.WritableTxnMarkerTopic t : m.topics()) {
                Topic topic = topics.find(t.name());
                WritableTxnMarkerTopicResult tr = new WritableTxnMarkerTopicResult().setName(t.name());
                for (int p : t.partitionIndexes()) {
                    PartitionLog log = topic == null ? null : topic.partition(p);
                    Errors e = log == null ? Errors.UNKNOWN_TOPIC_OR_PARTITION : write(log, m);
                    tr.partitions().add(new WritableTxnMarkerPartitionResult().setPartitionIndex(p)
                            .setErrorCode(e.code()));
                }
                mr.topics().add(tr);
            }
            resp.markers().add(mr);
        }
        return CompletableFuture.completedFuture(new WriteTxnMarkersResponse(resp));
    }

    private Errors write(PartitionLog log, WriteTxnMarkersRequestData.WritableTxnMarker m) {
        if (Topics.isInternal(log.topic())) {
            return Errors.INVALID_TOPIC_EXCEPTION;
        }
        try {
            synchronized (log) {
                Errors e = states.producers(log).checkMarker(m.producerId(), m.producerEpoch());
                if (e != Errors.NONE) {
                    return e;
                }
                txnPartitions.get(log).writeMarker(m.producerId(), m.producerEpoch(), m.transactionResult(),
                        m.coordinatorEpoch());
            }
        } catch (RuntimeException e) {
            LOG.error("Writing a transaction marker for producer {} to {} failed", m.producerId(), log, e);
            return Errors.KAFKA_STORAGE_ERROR;
        }
        waiters.onAppend(log);
        return Errors.NONE;
    }
}
