package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.message.EndTxnResponseData;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.EndTxnRequest;
import org.apache.kafka.common.requests.EndTxnResponse;
import org.apache.kafka.common.requests.RequestContext;

/** EndTxn: commit or abort; answered after the markers are written. */
final class EndTxnHandler implements ApiHandler {
    private final TransactionCoordinator coordinator;

    EndTxnHandler(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        EndTxnRequestData req = ((EndTxnRequest) request).data();
        return CompletableFuture.completedFuture(new EndTxnResponse(new EndTxnResponseData()
                .setErrorCode(coordinator.endTxn(req.transactionalId(), req.producerId(), req.producerEpoch(),
                        req.committed()).code())
                .setProducerId(req.producerId()).setProducerEpoch(req.producerEpoch())));
    }
}
