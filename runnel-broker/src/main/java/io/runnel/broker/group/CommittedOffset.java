package io.runnel.broker.group;

/** A committed consumer position, as OffsetCommit stores it and OffsetFetch returns it. */
public record CommittedOffset(long offset, int leaderEpoch, String metadata, long commitTimestamp) {
}
