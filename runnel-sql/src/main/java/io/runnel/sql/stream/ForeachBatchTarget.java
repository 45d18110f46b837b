package io.runnel.sql.stream;

/** {@code foreachBatch}: each trigger's rows to the user's function, with the batch id. */
record ForeachBatchTarget(BatchFunction function) implements BatchTarget {
    @Override
    public void batch(Batch batch, long batchId) throws Exception {
        function.call(batch, batchId);
    }
}
