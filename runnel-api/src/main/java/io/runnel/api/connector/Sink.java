package io.runnel.api.connector;

import java.io.Serializable;

/** A sink of records; at-least-once unless it is a {@link TwoPhaseCommitSink}. */
public interface Sink<T> extends Serializable {
    SinkWriter<T> createWriter(SinkContext context) throws Exception;
}
