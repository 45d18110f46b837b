package io.runnel.broker.txn;

/** States of a transactional id, as written to {@code __transaction_state}. */
enum TxnState {
    /** Producer id assigned, no transaction open. */
    EMPTY,
    /** Partitions or offsets were added; markers not yet written. */
    ONGOING,
    /** Commit decided and durable; markers being written (redone after a crash). */
    PREPARE_COMMIT,
    /** Abort decided and durable; markers being written (redone after a crash). */
    PREPARE_ABORT,
    /** Markers written. */
    COMPLETE_COMMIT,
    /** Markers written. */
    COMPLETE_ABORT
}
