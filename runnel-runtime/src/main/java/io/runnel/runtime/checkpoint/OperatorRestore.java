package io.runnel.runtime.checkpoint;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operator instance gets back on restore: the parts every subtask of the earlier run
 * wrote (any parallelism), so keyed operators keep their key groups and others merge; and which
 * of those earlier subtasks this one takes over (its own, or those whose key groups it now owns),
 * so that progress such as the watermark restarts from theirs, not from another subtask's.
 */
public final class OperatorRestore {
    private final Path baseDir;
    private final List<Map<String, Object>> subtasks;
    private final List<Map<String, Object>> takenOver;

    /** A restore that takes over every earlier subtask (the parts as written, one map per subtask). */
    public OperatorRestore(Path baseDir, List<Map<String, Object>> subtasks) {
        this(baseDir, subtasks, subtasks);
    }

    OperatorRestore(Path baseDir, List<Map<String, Object>> subtasks, List<Map<String, Object>> takenOver) {
        this.baseDir = baseDir;
        this.subtasks = subtasks;
        this.takenOver = takenOver;
    }

    /** The directory of the checkpoint restored from; relative paths in handles resolve here. */
    public Path baseDir() {
        return baseDir;
    }

    /** The part {@code name} of every earlier subtask that wrote it. */
    @SuppressWarnings("unchecked")
    public <T> List<T> all(String name) {
        List<T> out = new ArrayList<>();
        for (Map<String, Object> m : subtasks) {
            Object v = m.get(name);
            if (v != null) out.add((T) v);
        }
        return out;
    }

    public List<Serializable> handles(String name) {
        return all(name);
    }

    /** The largest long value of part {@code name}, or {@code orElse}. */
    public long max(String name, long orElse) {
        long m = orElse;
        boolean any = false;
        for (Object v : all(name)) {
            long x = (Long) v;
            m = any ? Math.max(m, x) : x;
            any = true;
        }
        return m;
    }

    /**
     * The least long value of part {@code name} over the earlier subtasks this one takes over; one
     * that did not write the part counts as {@code orElse}, and so does taking over none. For
     * watermarks: never ahead of any input this subtask must replay.
     */
    /** The parts of the earlier subtasks this one takes over, one map per subtask. */
    public List<Map<String, Object>> takenOver() {
        return takenOver;
    }

    public long minOfTakenOver(String name, long orElse) {
        if (takenOver.isEmpty()) return orElse;
        long m = Long.MAX_VALUE;
        for (Map<String, Object> s : takenOver) {
            Object v = s.get(name);
            m = Math.min(m, v == null ? orElse : (Long) v);
        }
        return m;
    }
}
