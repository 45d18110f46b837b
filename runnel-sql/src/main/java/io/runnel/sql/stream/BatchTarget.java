package io.runnel.sql.stream;

import io.runnel.sql.data.Row;

/** Where a query's output goes in-process: whole batches at triggers, or rows as they come (the continuous trigger). */
public interface BatchTarget {
    void batch(Batch batch, long batchId) throws Exception;

    /** A result row under the continuous trigger: an insert (append) or an upsert of its key (update). */
    default void row(Row row) throws Exception {
        throw new UnsupportedOperationException("this sink takes batches only");
    }
}
