package io.runnel.connectors.kafka;

import java.io.Serializable;

/**
 * A flushed Kafka transaction, stored in a checkpoint until it is committed: enough to end it from
 * another producer object or process ({@link ResumedTransaction}). {@code abortOnly} marks a
 * transaction a failed attempt left open, found by a new writer: the committer aborts it after
 * committing the others (see {@link LingeringTransactions}). {@code transactionV2} records whether
 * the writer's client used transaction protocol version 2 (KIP-890), which ends transactions with
 * a newer EndTxn.
 */
public record KafkaCommittable(String transactionalId, long producerId, short epoch, boolean transactionV2,
                               boolean abortOnly) implements Serializable {
    @Override
    public String toString() {
        return (abortOnly ? "lingering " : "") + "transaction " + transactionalId + " (producer " + producerId
                + ", epoch " + epoch + ")";
    }
}
