package io.runnel.runtime.checkpoint;

import io.runnel.runtime.state.KeyGroups;
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
    private final Map<String, List<Map<String, Object>>> cache = new HashMap<>();

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
        List<Map<String, Object>> bySubtask = bySubtask(operatorId);
        if (bySubtask == null) return null;
        List<Map<String, Object>> written = new ArrayList<>();
        for (Map<String, Object> m : bySubtask) if (!m.isEmpty()) written.add(m);
        return new OperatorRestore(dir, written);
    }

    /**
     * The state of operator {@code operatorId} for subtask {@code subtask} of {@code parallelism}
     * (null when the checkpoint has none), knowing which earlier subtasks it takes over: at the
     * same parallelism its own; otherwise, when {@code keyed}, those whose key groups overlap the
     * ones it owns now, and for other operators (whose input may come from any) all of them.
     */
    public synchronized OperatorRestore of(String operatorId, int subtask, int parallelism, boolean keyed) throws IOException {
        List<Map<String, Object>> bySubtask = bySubtask(operatorId);
        if (bySubtask == null) return null;
        int before = bySubtask.size();
        List<Map<String, Object>> written = new ArrayList<>();
        for (Map<String, Object> m : bySubtask) if (!m.isEmpty()) written.add(m);
        List<Map<String, Object>> takenOver = new ArrayList<>();
        int maxP = metadata.maxParallelism();
        int first = KeyGroups.firstKeyGroup(subtask, maxP, parallelism);
        int end = KeyGroups.endKeyGroup(subtask, maxP, parallelism);
        for (int j = 0; j < before; j++) {
            boolean overlaps = before == parallelism ? j == subtask
                    : !keyed || (KeyGroups.firstKeyGroup(j, maxP, before) < end && KeyGroups.endKeyGroup(j, maxP, before) > first);
            if (overlaps) takenOver.add(bySubtask.get(j));
        }
        return new OperatorRestore(dir, written, takenOver);
    }

    /** Each earlier subtask's parts (empty where it wrote none), read once; null when the operator has no entry. */
    private List<Map<String, Object>> bySubtask(String operatorId) throws IOException {
        CheckpointMetadata.OperatorEntry entry = metadata.operators().get(operatorId);
        if (entry == null) return null;
        List<Map<String, Object>> parts = cache.get(operatorId);
        if (parts == null) {
            parts = new ArrayList<>();
            for (String f : entry.files()) parts.add(f == null ? Map.of() : read(dir.resolve(f)));
            cache.put(operatorId, parts);
        }
        return parts;
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
