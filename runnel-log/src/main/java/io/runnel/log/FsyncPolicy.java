package io.runnel.log;

/** When appended bytes are forced to disk. */
public enum FsyncPolicy {
    /** fsync after every append, before it returns: acknowledged means on disk. */
    EVERY_BATCH,
    /** fsync dirty partitions every {@link LogConfig#flushIntervalMs()} in the background. */
    INTERVAL,
    /** Leave it to the OS page cache (Kafka's default); fsync only on roll and close. */
    OS
}
