package io.runnel.api.connector;

import java.util.Collection;

/**
 * A writer of a two-phase-commit sink. At a checkpoint barrier the runtime calls
 * {@link #prepareCommit}: the writer flushes and returns committables (a transaction, a
 * pending file) that are stored with the checkpoint and committed once it completes.
 */
public interface CommittingSinkWriter<T, C> extends SinkWriter<T> {
    Collection<C> prepareCommit(long checkpointId) throws Exception;
}
