package io.runnel.broker.txn;

/** States of a transactional id, as written to {@code __transaction_state}. */
enum TxnState {
    /** Producer id assigned, no transaction open. */
    EMPTY("Empty"),
    /** Partitions or offsets were added; markers not yet written. */
    ONGOING("Ongoing"),
    /** Commit decided and durable; markers being written (redone after a crash). */
    PREPARE_COMMIT("PrepareCommit"),
    /** Abort decided and durable; markers being written (redone after a crash). */
    PREPARE_ABORT("PrepareAbort"),
    /** Markers written. */
    COMPLETE_COMMIT("CompleteCommit"),
    /** Markers written. */
    COMPLETE_ABORT("CompleteAbort");

    /** The name Kafka's ListTransactions and DescribeTransactions use (the Admin client's TransactionState). */
    final String kafkaName;

    TxnState(String kafkaName) {
        this.kafkaName = kafkaName;
    }
}
