package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopic;
import org.apache.kafka.common.message.AddPartitionsToTxnRequestData.AddPartitionsToTxnTopicCollection;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnPartitionResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResult;
import org.apache.kafka.common.message.AddPartitionsToTxnResponseData.AddPartitionsToTxnTopicResultCollection;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.AddPartitionsToTxnRequest;
import org.apache.kafka.common.requests.AddPartitionsToTxnResponse;
import org.apache.kafka.common.requests.RequestContext;

/** AddPartitionsToTxn: the client form (v0-3, one transaction) and the batched form (v4+). */
final class AddPartitionsToTxnHandler implements ApiHandler {
    private final TransactionCoordinator coordinator;

    AddPartitionsToTxnHandler(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        AddPartitionsToTxnRequestData req = ((AddPartitionsToTxnRequest) request).data();
        AddPartitionsToTxnResponseData resp = new AddPartitionsToTxnResponseData();
        if (context.apiVersion() < 4) {
            resp.setResultsByTopicV3AndBelow(add(req.v3AndBelowTransactionalId(), req.v3AndBelowProducerId(),
                    req.v3AndBelowProducerEpoch(), req.v3AndBelowTopics()));
        } else {
            for (AddPartitionsToTxnRequestData.AddPartitionsToTxnTransaction t : req.transactions()) {
                resp.resultsByTransaction().add(new AddPartitionsToTxnResponseData.AddPartitionsToTxnResult()
                        .setTransactionalId(t.transactionalId())
                        .setTopicResults(add(t.transactionalId(), t.producerId(), t.producerEpoch(), t.topics())));
            }
        }
        return CompletableFuture.completedFuture(new AddPartitionsToTxnResponse(resp));
    }

    private AddPartitionsToTxnTopicResultCollection add(String txnId, long producerId, short epoch,
                                                       AddPartitionsToTxnTopicCollection topics) {
        List<TxnMetadata.Tp> wanted = new ArrayList<>();
        for (AddPartitionsToTxnTopic t : topics) {
            t.partitions().forEach(p -> wanted.add(new TxnMetadata.Tp(t.name(), p)));
        }
        List<Errors> errors = coordinator.addPartitions(txnId, producerId, epoch, wanted);
        AddPartitionsToTxnTopicResultCollection out = new AddPartitionsToTxnTopicResultCollection();
        for (int i = 0; i < wanted.size(); i++) {
            TxnMetadata.Tp tp = wanted.get(i);
            AddPartitionsToTxnTopicResult r = out.find(tp.topic());
            if (r == null) {
                r = new AddPartitionsToTxnTopicResult().setName(tp.topic());
                out.add(r);
            }
            r.resultsByPartition().add(new AddPartitionsToTxnPartitionResult().setPartitionIndex(tp.partition())
                    .setPartitionErrorCode(errors.get(i).code()));
        }
        return out;
    }
}
