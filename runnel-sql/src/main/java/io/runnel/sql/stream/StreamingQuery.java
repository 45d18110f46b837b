package io.runnel.sql.stream;

import java.util.Optional;

/** A running streaming query, as Spark's handle: wait for it, stop it, read its progress. */
public interface StreamingQuery {
    /** The query's unique id. */
    String id();

    /** The name given with {@code queryName}, or null. */
    String name();

    boolean isActive();

    /** Waits for the query to end (stopped, finished, or failed: then it throws the failure). */
    void awaitTermination() throws Exception;

    /** As {@link #awaitTermination()}, at most {@code millis}; whether it ended. */
    boolean awaitTermination(long millis) throws Exception;

    /** Stops the query; returns once it has stopped. */
    void stop();

    /** The progress of the last trigger, or null before the first. */
    QueryProgress lastProgress();

    /** The progress of the most recent triggers (at most 100), oldest first. */
    java.util.List<QueryProgress> recentProgress();

    /** What the query does now. */
    QueryStatus status();

    /** The failure the query ended with, if any. */
    Optional<Throwable> exception();
}
