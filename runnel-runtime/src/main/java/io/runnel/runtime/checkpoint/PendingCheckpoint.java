package io.runnel.runtime.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A checkpoint triggered and not yet complete: the acknowledgements and committables so far. */
final class PendingCheckpoint {
    final long id;
    final boolean savepoint;
    final boolean isFinal;
    final Path dir;
    final long triggerMillis;
    final Map<Integer, TaskAck> acks = new HashMap<>();
    final Map<String, List<Object>> committables = new HashMap<>();
    final CompletableFuture<String> completion = new CompletableFuture<>();

    PendingCheckpoint(long id, boolean savepoint, boolean isFinal, Path dir, long triggerMillis) {
        this.id = id;
        this.savepoint = savepoint;
        this.isFinal = isFinal;
        this.dir = dir;
        this.triggerMillis = triggerMillis;
    }

    void addCommittables(String opId, List<Object> c) {
        if (!c.isEmpty()) committables.computeIfAbsent(opId, k -> new ArrayList<>()).addAll(c);
    }
}
