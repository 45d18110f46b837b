package io.runnel.connectors.kafka;

/** What the {@link KafkaSink} promises about each record. */
public enum DeliveryGuarantee {
    /** Idempotent producer, flushed at every checkpoint: after a failure, replayed records repeat. */
    AT_LEAST_ONCE,
    /**
     * One Kafka transaction per checkpoint and subtask, committed when the checkpoint completes:
     * {@code read_committed} consumers see each record once. Needs a transactional id prefix.
     */
    EXACTLY_ONCE
}
