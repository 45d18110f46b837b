package io.runnel.broker;

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
 * the epoch bumped when the producer presents its current id and epoch. Transactional ids are
 * refused until transactions are implemented.
 */
final class InitProducerIdHandler implements ApiHandler {
    private final ProducerIdManager ids;

    InitProducerIdHandler(ProducerIdManager ids) {
        this.ids = ids;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        InitProducerIdRequestData req = ((InitProducerIdRequest) request).data();
        InitProducerIdResponseData resp = new InitProducerIdResponseData();
        if (req.transactionalId() != null) {
            resp.setErrorCode(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code())
                    .setProducerId(RecordBatch.NO_PRODUCER_ID).setProducerEpoch(RecordBatch.NO_PRODUCER_EPOCH);
        } else if (req.producerId() >= 0 && req.producerEpoch() >= 0 && req.producerEpoch() < Short.MAX_VALUE - 1) {
            resp.setProducerId(req.producerId()).setProducerEpoch((short) (req.producerEpoch() + 1));
        } else {
            resp.setProducerId(ids.nextId()).setProducerEpoch((short) 0);
        }
        return CompletableFuture.completedFuture(new InitProducerIdResponse(resp));
    }
}
