package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import io.runnel.broker.Topics;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.protocol.ApiKeys;

/** The transaction API handlers (InitProducerId is shared with idempotent producers and lives in the broker). */
public final class TxnApis {
    private TxnApis() {
    }

    public static Map<ApiKeys, ApiHandler> handlers(TransactionCoordinator coordinator, Topics topics) {
        Map<ApiKeys, ApiHandler> m = new EnumMap<>(ApiKeys.class);
        m.put(ApiKeys.ADD_PARTITIONS_TO_TXN, new AddPartitionsToTxnHandler(coordinator));
        m.put(ApiKeys.ADD_OFFSETS_TO_TXN, new AddOffsetsToTxnHandler(coordinator));
        m.put(ApiKeys.TXN_OFFSET_COMMIT, new TxnOffsetCommitHandler(coordinator, topics));
        m.put(ApiKeys.END_TXN, new EndTxnHandler(coordinator));
        return m;
    }
}
