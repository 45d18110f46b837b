package io.runnel.api.connector;

/** A sink whose output becomes visible only when the checkpoint that covers it completes. */
public interface TwoPhaseCommitSink<T, C> extends Sink<T> {
    @Override
    CommittingSinkWriter<T, C> createWriter(SinkContext context) throws Exception;

    Committer<C> createCommitter() throws Exception;
}
