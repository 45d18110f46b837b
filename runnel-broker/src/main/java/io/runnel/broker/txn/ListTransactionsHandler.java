package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.message.ListTransactionsRequestData;
import org.apache.kafka.common.message.ListTransactionsResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ListTransactionsRequest;
import org.apache.kafka.common.requests.ListTransactionsResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * ListTransactions: every transactional id the coordinator knows, filtered by state names, producer
 * ids, minimum running time and id pattern (all optional). Unknown state names are echoed back.
 */
final class ListTransactionsHandler implements ApiHandler {
    private final TransactionCoordinator coordinator;

    ListTransactionsHandler(TransactionCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        ListTransactionsRequestData req = ((ListTransactionsRequest) request).data();
        ListTransactionsResponseData resp = new ListTransactionsResponseData().setErrorCode(Errors.NONE.code());
        Set<String> known = new HashSet<>();
        Arrays.stream(TxnState.values()).forEach(s -> known.add(s.kafkaName));
        Set<String> states = new HashSet<>(req.stateFilters());
        for (String s : req.stateFilters()) {
            if (!known.contains(s)) {
                resp.unknownStateFilters().add(s);
            }
        }
        Set<Long> producerIds = new HashSet<>(req.producerIdFilters());
        Pattern pattern;
        try {
            String p = req.transactionalIdPattern();
            pattern = p == null || p.isEmpty() ? null : Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            resp.setErrorCode(Errors.INVALID_REGULAR_EXPRESSION.code());
            return CompletableFuture.completedFuture(new ListTransactionsResponse(resp));
        }
        long now = System.currentTimeMillis();
        for (TransactionCoordinator.TxnView v : coordinator.views()) {
            if ((!states.isEmpty() && !states.contains(v.state().kafkaName))
                    || (!producerIds.isEmpty() && !producerIds.contains(v.producerId()))
                    || (req.durationFilter() >= 0 && (v.startMs() < 0 || now - v.startMs() < req.durationFilter()))
                    || (pattern != null && !pattern.matcher(v.transactionalId()).matches())) {
                continue;
            }
            resp.transactionStates().add(new ListTransactionsResponseData.TransactionState()
                    .setTransactionalId(v.transactionalId()).setProducerId(v.producerId())
                    .setTransactionState(v.state().kafkaName));
        }
        return CompletableFuture.completedFuture(new ListTransactionsResponse(resp));
    }
}
