package io.runnel.api.connector;

import java.util.Collection;

/**
 * Makes prepared committables visible. {@link #commit} must be idempotent: after a restore the
 * committables of the restored checkpoint are committed again.
 */
public interface Committer<C> extends AutoCloseable {
    void commit(Collection<C> committables) throws Exception;

    /** Rolls back committables whose checkpoint will never complete. */
    default void abort(Collection<C> committables) throws Exception {}

    @Override
    default void close() throws Exception {}
}
