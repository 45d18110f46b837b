/**
 * Transactions (single broker, transaction protocol version 1): the
 * {@link io.runnel.broker.txn.TransactionCoordinator} with its durable state in
 * {@code __transaction_state}, the per-partition transaction state (open transactions, last stable
 * offset, the persisted index of aborted transactions), and the handlers for InitProducerId,
 * AddPartitionsToTxn, AddOffsetsToTxn, TxnOffsetCommit and EndTxn.
 */
package io.runnel.broker.txn;
