package io.runnel.log;

/**
 * Layout of a {@code .timeindex} file: sparse entries mapping the largest timestamp seen so far in
 * the segment to the batch where it was reached. Timestamps are strictly increasing across entries,
 * so a lookup finds the last entry below the target and scans forward from its batch. No header;
 * rebuilt from the log when missing or invalid.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  maxTimestampSoFar (int64, ms since epoch)                    |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |  relativeOffset (int32): that batch's baseOffset - segment base|
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class TimeIndexDescriptor {
    public static final int TIMESTAMP_OFFSET = 0;
    public static final int RELATIVE_OFFSET_OFFSET = 8;
    public static final int ENTRY_SIZE = 12;

    private TimeIndexDescriptor() {
    }
}
