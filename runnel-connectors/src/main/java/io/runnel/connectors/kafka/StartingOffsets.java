package io.runnel.connectors.kafka;

/** Where a partition without a recorded position starts. */
public enum StartingOffsets {
    EARLIEST, LATEST, COMMITTED_OR_EARLIEST
}
