package io.runnel.sql.stream;

/**
 * What {@code foreachBatch} runs per trigger. A batch may come again after a failure, with the same id (Spark's
 * contract): write idempotently by id to get exactly-once output.
 */
@FunctionalInterface
public interface BatchFunction extends java.io.Serializable {
    void call(Batch batch, long batchId) throws Exception;
}
