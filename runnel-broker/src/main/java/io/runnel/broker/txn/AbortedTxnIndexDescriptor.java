package io.runnel.broker.txn;

/**
 * Layout of {@code aborted-txns.index} in a partition directory: one fixed-size entry per aborted
 * transaction, appended (and fsynced) when its abort marker is written. Entries wholly below the
 * log start offset are dropped when the file is loaded. A torn last entry is ignored.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                    producerId (int64)                         |
 *  +---------------------------------------------------------------+
 *  |   firstOffset (int64): the transaction's first batch here     |
 *  +---------------------------------------------------------------+
 *  |   lastOffset (int64): the offset of its abort marker          |
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class AbortedTxnIndexDescriptor {
    static final int PRODUCER_ID_OFFSET = 0;
    static final int FIRST_OFFSET_OFFSET = 8;
    static final int LAST_OFFSET_OFFSET = 16;
    static final int ENTRY_SIZE = 24;
    static final String FILE_NAME = "aborted-txns.index";

    private AbortedTxnIndexDescriptor() {
    }
}
