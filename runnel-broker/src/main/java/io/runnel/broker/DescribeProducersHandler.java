package io.runnel.broker;

import io.runnel.broker.txn.TxnPartitionState;
import io.runnel.broker.txn.TxnPartitions;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DescribeProducersRequestData;
import org.apache.kafka.common.message.DescribeProducersResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeProducersRequest;
import org.apache.kafka.common.requests.DescribeProducersResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * DescribeProducers: the idempotent and transactional producers each partition remembers
 * ({@link ProducerStates}) with the start offset of any open transaction. Runnel's markers always
 * carry coordinator epoch 0, so a producer that wrote transactionally reports 0, others -1.
 */
final class DescribeProducersHandler implements ApiHandler {
    private final Topics topics;
    private final PartitionStates states;
    private final TxnPartitions txnPartitions;

    DescribeProducersHandler(Topics topics, PartitionStates states, TxnPartitions txnPartitions) {
        this.topics = topics;
        this.states = states;
        this.txnPartitions = txnPartitions;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DescribeProducersRequestData req = ((DescribeProducersRequest) request).data();
        DescribeProducersResponseData resp = new DescribeProducersResponseData();
        for (DescribeProducersRequestData.TopicRequest t : req.topics()) {
            Topic topic = topics.find(t.name());
            DescribeProducersResponseData.TopicResponse tr =
                    new DescribeProducersResponseData.TopicResponse().setName(t.name());
            for (int partition : t.partitionIndexes()) {
                DescribeProducersResponseData.PartitionResponse pr =
                        new DescribeProducersResponseData.PartitionResponse().setPartitionIndex(partition);
                PartitionLog log = topic == null ? null : topic.partition(partition);
                if (log == null) {
                    pr.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else {
                    describe(log, pr);
                }
                tr.partitions().add(pr);
            }
            resp.topics().add(tr);
        }
        return CompletableFuture.completedFuture(new DescribeProducersResponse(resp));
    }

    private void describe(PartitionLog log, DescribeProducersResponseData.PartitionResponse pr) {
        ProducerStates ps = states.producers(log);
        TxnPartitionState txn = txnPartitions.get(log);
        synchronized (log) {
            List<ProducerStates.Active> active = ps.active();
            for (ProducerStates.Active a : active) {
                pr.activeProducers().add(new DescribeProducersResponseData.ProducerState()
                        .setProducerId(a.producerId()).setProducerEpoch(a.epoch()).setLastSequence(a.lastSeq())
                        .setLastTimestamp(a.lastTimestamp()).setCoordinatorEpoch(a.transactional() ? 0 : -1)
                        .setCurrentTxnStartOffset(txn.openTransactionStart(a.producerId())));
            }
        }
    }
}
