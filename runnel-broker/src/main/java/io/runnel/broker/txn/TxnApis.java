package io.runnel.broker.txn;

import io.runnel.broker.ApiHandler;
import io.runnel.broker.Topics;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/** The transaction API handlers (InitProducerId is shared with idempotent producers and lives in the broker). */
public final class TxnApis {
    private TxnApis() {
    }

    /** Checks a consumer group member and generation (or member epoch); NONE if valid. */
    @FunctionalInterface
    public interface GroupMemberCheck {
        Errors check(String groupId, String memberId, int generationOrEpoch);
    }

    public static Map<ApiKeys, ApiHandler> handlers(TransactionCoordinator coordinator, Topics topics,
                                                    GroupMemberCheck groups) {
        Map<ApiKeys, ApiHandler> m = new EnumMap<>(ApiKeys.class);
        m.put(ApiKeys.ADD_PARTITIONS_TO_TXN, new AddPartitionsToTxnHandler(coordinator));
        m.put(ApiKeys.ADD_OFFSETS_TO_TXN, new AddOffsetsToTxnHandler(coordinator));
        m.put(ApiKeys.TXN_OFFSET_COMMIT, new TxnOffsetCommitHandler(coordinator, topics, groups));
        m.put(ApiKeys.END_TXN, new EndTxnHandler(coordinator));
        m.put(ApiKeys.LIST_TRANSACTIONS, new ListTransactionsHandler(coordinator));
        m.put(ApiKeys.DESCRIBE_TRANSACTIONS, new DescribeTransactionsHandler(coordinator));
        return m;
    }
}
