package io.runnel.log;

/**
 * Layout of a {@code .index} file: a sparse map from offset to byte position in the segment's
 * {@code .log} file, one entry every {@code index.interval.bytes} of log. Entries are appended in
 * increasing offset and position order; the file has no header and is rebuilt from the log when
 * it is missing or fails the checks in {@link OffsetIndex#load}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  relativeOffset (int32): batch baseOffset - segment baseOffset |
 *  +---------------------------------------------------------------+
 *  |  position (int32): byte position of that batch in the .log    |
 *  +---------------------------------------------------------------+
 *  |  ... next entry                                               |
 * </pre>
 */
public final class OffsetIndexDescriptor {
    public static final int RELATIVE_OFFSET_OFFSET = 0;
    public static final int POSITION_OFFSET = 4;
    public static final int ENTRY_SIZE = 8;

    private OffsetIndexDescriptor() {
    }
}
