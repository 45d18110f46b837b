package io.runnel.broker;

import io.runnel.broker.txn.TransactionCoordinator;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.InitProducerIdRequest;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * InitProducerId for idempotent producers: a fresh id with epoch 0, or (KIP-360) the same id with
 * the epoch bumped when the producer presents its current id and epoch. Transactional ids go to
 * the {@link TransactionCoordinator}.
 */
final class InitProducerIdHandler implements ApiHandler {
    private final ProducerIdManager ids;
    private final TransactionCoordinator transactions;

    InitProducerIdHandler(ProducerIdManager ids, TransactionCoordinator transactions) {
        this.ids = ids;
        this.transactions = transactions;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        InitProducerIdRequestData req = ((InitProducerIdRequest) request).data();
        InitProducerIdResponseData resp = new InitProducerIdResponseData();
        if (req.transactionalId() != null) {
            TransactionCoordinator.ProducerIdAndEpoch r = transactions.initProducerId(req.transactionalId(),
                    req.transactionTimeoutMs(), req.producerId(), req.producerEpoch());
            resp.setErrorCode(r.error().code()).setProducerId(r.error() == Errors.NONE ? r.producerId()
                    : RecordBatch.NO_PRODUCER_ID).setProducerEpoch(r.error() == Errors.NONE ? r.epoch()
                    : RecordBatch.NO_PRODUCER_EPOCH);
        } else if (req.producerId() >= 0 && req.producerEpoch() >= 0 && req.producerEpoch() < Short.MAX_VALUE - 1) {
            resp.setProducerId(req.producerId()).setProducerEpoch((short) (req.producerEpoch() + 1));
        } else {
            resp.setProducerId(ids.nextId()).setProducerEpoch((short) 0);
        }
        return CompletableFuture.completedFuture(new InitProducerIdResponse(resp));
    }
}
