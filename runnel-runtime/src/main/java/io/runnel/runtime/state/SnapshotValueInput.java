package io.runnel.runtime.state;

import java.io.IOException;

/** Where {@link SnapshotValues} reads a tagged value from: what a {@link SnapshotValueOutput} wrote. */
public interface SnapshotValueInput {
    byte readByte() throws IOException;

    int readInt() throws IOException;

    long readLong() throws IOException;

    String readString() throws IOException;
}
