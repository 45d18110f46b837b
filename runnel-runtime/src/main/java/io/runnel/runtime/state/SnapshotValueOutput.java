package io.runnel.runtime.state;

import java.io.IOException;

/**
 * Where {@link SnapshotValues} writes a tagged value: a key group's byte block
 * ({@link SnapshotBytesOut}) or an object stream.
 */
public interface SnapshotValueOutput {
    void writeByte(int b) throws IOException;

    void writeInt(int v) throws IOException;

    void writeLong(long v) throws IOException;

    void writeString(String s) throws IOException;

    /** Whether {@link #writeString} takes {@code s}; a string it does not take is written with Java serialization. */
    default boolean takes(String s) {
        return true;
    }
}
