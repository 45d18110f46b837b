package io.runnel.api.connector;

/** A sink whose output becomes visible only when the checkpoint that covers it completes. */
public interface TwoPhaseCommitSink<T, C> extends Sink<T> {
    @Override
    CommittingSinkWriter<T, C> createWriter(SinkContext context) throws Exception;

    Committer<C> createCommitter() throws Exception;

    /**
     * How long a prepared committable stays committable (a Kafka transaction's
     * {@code transaction.timeout.ms}), or empty when it does not expire. Output of failed
     * checkpoints is carried to the next one that completes; the job warns when carried output
     * reaches half this age and fails when it passes it, rather than losing it unnoticed.
     */
    default java.util.Optional<java.time.Duration> transactionTimeout() {
        return java.util.Optional.empty();
    }
}
