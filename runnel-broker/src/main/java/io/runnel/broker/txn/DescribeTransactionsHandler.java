package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DescribeTransactionsRequestData;
import org.apache.kafka.common.message.DescribeTransactionsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.DescribeTransactionsRequest;
import org.apache.kafka.common.requests.DescribeTransactionsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * DescribeTransactions: state, producer id and epoch, timeout, start time (-1 when no transaction is
 * open) and the partitions of the current transaction; TRANSACTIONAL_ID_NOT_FOUND for unknown ids.
 */
final class DescribeTransactionsHandler implements ApiHandler {
    private final TransactionCoordinator coordinator;

    DescribeTransactionsHandler(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        DescribeTransactionsRequestData req = ((DescribeTransactionsRequest) request).data();
        DescribeTransactionsResponseData resp = new DescribeTransactionsResponseData();
        for (String id : req.transactionalIds()) {
            DescribeTransactionsResponseData.TransactionState ts =
                    new DescribeTransactionsResponseData.TransactionState().setTransactionalId(id);
            TransactionCoordinator.TxnView v = coordinator.view(id);
            if (v == null) {
                ts.setErrorCode(Errors.TRANSACTIONAL_ID_NOT_FOUND.code()).setProducerId(-1).setProducerEpoch((short) -1)
                        .setTransactionStartTimeMs(-1).setTransactionState("");
            } else {
                ts.setTransactionState(v.state().kafkaName).setProducerId(v.producerId()).setProducerEpoch(v.epoch())
                        .setTransactionTimeoutMs(v.timeoutMs()).setTransactionStartTimeMs(v.startMs());
                for (TxnMetadata.Tp tp : v.partitions()) {
                    DescribeTransactionsResponseData.TopicData td = ts.topics().find(tp.topic());
                    if (td == null) {
                        td = new DescribeTransactionsResponseData.TopicData().setTopic(tp.topic());
                        ts.topics().add(td);
                    }
                    td.partitions().add(tp.partition());
                }
            }
            resp.transactionStates().add(ts);
        }
        return CompletableFuture.completedFuture(new DescribeTransactionsResponse(resp));
    }
}
