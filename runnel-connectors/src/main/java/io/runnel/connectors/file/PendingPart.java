package io.runnel.connectors.file;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The committable of a {@link FileSink}: a closed, fsynced, hidden part file and the visible name
 * it gets on commit. Absolute paths as strings ({@link Path} is not Serializable), since it is
 * stored in the checkpoint's metadata and may be committed by another process.
 */
public record PendingPart(String pendingPath, String committedPath) implements Serializable {
    public Path pending() {
        return Path.of(pendingPath);
    }

    public Path committed() {
        return Path.of(committedPath);
    }
}
