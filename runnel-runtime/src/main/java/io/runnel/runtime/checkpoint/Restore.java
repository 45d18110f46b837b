package io.runnel.runtime.checkpoint;

import io.runnel.runtime.state.StateCopier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint or savepoint a job starts from: its metadata, and each operator's state files read
 * once (all subtasks of the earlier run) and handed to every new subtask of that operator.
 */
public final class Restore {
    private final CheckpointMetadata metadata;
    private final Path dir;
    private final Map<String, OperatorRestore> cache = new HashMap<>();

    public Restore(CheckpointMetadata metadata, Path dir) {
        this.metadata = metadata;
        this.dir = dir;
    }

    public CheckpointMetadata metadata() {
        return metadata;
    }

    public Path dir() {
        return dir;
    }

    /** The state of operator {@code operatorId}, or null when the checkpoint has none for it. */
    public synchronized OperatorRestore of(String operatorId) throws IOException {
        CheckpointMetadata.OperatorEntry entry = metadata.operators().get(operatorId);
        if (entry == null) return null;
        OperatorRestore r = cache.get(operatorId);
        if (r == null) {
            List<Map<String, Object>> parts = new ArrayList<>();
            for (String f : entry.files()) if (f != null) parts.add(read(dir.resolve(f)));
            r = new OperatorRestore(dir, parts);
            cache.put(operatorId, r);
        }
        return r;
    }

    /** The splits (with positions) the source {@code operatorId} had, or null. */
    public List<Object> splits(String operatorId) {
        return metadata.splits().get(operatorId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ObjectInputStream oin = new StateCopier.LoaderObjectInputStream(in, null)) {
            return (Map<String, Object>) oin.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("state file " + file + " is unreadable: " + e, e);
        } catch (IOException e) {
            throw new IOException("could not read state file " + file + ": " + e.getMessage(), e);
        }
    }
}
