package io.runnel.broker.group;

/**
 * Whether a group's partition has an offset commit held by an undecided transaction (KIP-447):
 * OffsetFetch with {@code requireStable} answers UNSTABLE_OFFSET_COMMIT for it, and the client
 * retries until the transaction is decided.
 */
@FunctionalInterface
public interface PendingTxnOffsets {
    boolean isPending(String groupId, String topic, int partition);
}
