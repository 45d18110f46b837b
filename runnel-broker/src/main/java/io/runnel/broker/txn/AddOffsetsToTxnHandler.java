package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.message.AddOffsetsToTxnResponseData;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.AddOffsetsToTxnRequest;
import org.apache.kafka.common.requests.AddOffsetsToTxnResponse;
import org.apache.kafka.common.requests.RequestContext;

/** AddOffsetsToTxn: the producer will send TxnOffsetCommit for a group in this transaction. */
final class AddOffsetsToTxnHandler implements ApiHandler {
    private final TransactionCoordinator coordinator;

    AddOffsetsToTxnHandler(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        AddOffsetsToTxnRequestData req = ((AddOffsetsToTxnRequest) request).data();
        return CompletableFuture.completedFuture(new AddOffsetsToTxnResponse(new AddOffsetsToTxnResponseData()
                .setErrorCode(coordinator.addOffsets(req.transactionalId(), req.producerId(), req.producerEpoch())
                        .code())));
    }
}
