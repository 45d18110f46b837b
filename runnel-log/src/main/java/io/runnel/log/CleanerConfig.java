package io.runnel.log;

/**
 * Broker-wide settings of the {@link LogCleaner}, by Kafka's {@code log.cleaner.*} names and defaults.
 *
 * @param enabled          {@code log.cleaner.enable}: run the cleaner at all
 * @param backoffMs        {@code log.cleaner.backoff.ms}: sleep when no partition needs cleaning
 * @param dedupeBufferSize {@code log.cleaner.dedupe.buffer.size}: bytes of the key-hash to offset map
 *                         ({@link OffsetMap}); when it fills, a round cleans only up to that point
 * @param ioBufferSize     {@code log.cleaner.io.buffer.size}: read and write buffer of the rewriter
 *                         (grown for a batch larger than it)
 * @param loadFactor       {@code log.cleaner.io.buffer.load.factor}: how full the offset map may get
 */
public record CleanerConfig(boolean enabled, long backoffMs, long dedupeBufferSize, int ioBufferSize,
                            double loadFactor) {

    public CleanerConfig {
        if (backoffMs < 0) {
            throw new IllegalArgumentException("invalid log.cleaner.backoff.ms=" + backoffMs);
        }
        if (dedupeBufferSize < OffsetMap.BYTES_PER_ENTRY * 2L) {
            throw new IllegalArgumentException("invalid log.cleaner.dedupe.buffer.size=" + dedupeBufferSize
                    + ": must hold at least two entries of " + OffsetMap.BYTES_PER_ENTRY + " bytes");
        }
        if (ioBufferSize < BatchDescriptor.HEADER_SIZE) {
            throw new IllegalArgumentException("invalid log.cleaner.io.buffer.size=" + ioBufferSize);
        }
        if (!(loadFactor > 0 && loadFactor <= 1)) {
            throw new IllegalArgumentException("invalid log.cleaner.io.buffer.load.factor=" + loadFactor);
        }
    }

    /** Kafka's defaults: enabled, 15 s backoff, 128 MiB dedupe buffer, 512 KiB io buffer, load factor 0.9. */
    public static CleanerConfig defaults() {
        return new CleanerConfig(true, 15_000, 128L * 1024 * 1024, 512 * 1024, 0.9);
    }
}
