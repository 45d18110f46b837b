package io.runnel.runtime.state;

import io.runnel.runtime.operators.ProcessingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Picks the keyed state backend of a job by name: "heap" is built in, others come from
 * {@link KeyedStateBackendFactory} services on the class path.
 */
public final class StateBackends {
    private final KeyedStateBackendFactory factory;
    private final Path workRoot;
    private final int heapMaxDeltas;

    private StateBackends(KeyedStateBackendFactory factory, Path workRoot, int heapMaxDeltas) {
        this.factory = factory;
        this.workRoot = workRoot;
        this.heapMaxDeltas = heapMaxDeltas;
    }

    /** The same backends, the heap's checkpoints chaining at most {@code maxDeltas} deltas per key group (0: full checkpoints). */
    public StateBackends withHeapMaxDeltas(int maxDeltas) {
        return new StateBackends(factory, workRoot, maxDeltas);
    }

    public static StateBackends heapOnly() {
        return new StateBackends(null, null, HeapKeyedStateBackend.DEFAULT_MAX_DELTAS);
    }

    /** The backend called {@code name}; working files (if any) go under {@code workRoot}. */
    public static StateBackends byName(String name, Path workRoot) {
        if (name == null || name.equals("heap")) return heapOnly();
        List<String> known = new ArrayList<>(List.of("heap"));
        for (KeyedStateBackendFactory f : ServiceLoader.load(KeyedStateBackendFactory.class)) {
            if (f.name().equals(name)) return new StateBackends(f, workRoot, HeapKeyedStateBackend.DEFAULT_MAX_DELTAS);
            known.add(f.name());
        }
        throw new IllegalArgumentException("unknown state backend '" + name + "'; available: " + String.join(", ", known)
                + (name.equals("rocksdb") ? " (add the io.runnel:runnel-state-rocksdb dependency)" : ""));
    }

    public String name() {
        return factory == null ? "heap" : factory.name();
    }

    public KeyedStateBackend create(String operatorId, KeyContext keys, ProcessingClock clock, int subtask) throws Exception {
        if (factory == null) return new HeapKeyedStateBackend(keys, clock::now, heapMaxDeltas);
        Path dir = workRoot.resolve(operatorId + "-" + subtask + "-" + System.nanoTime());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the state directory " + dir + ": " + e.getMessage(), e);
        }
        return factory.create(operatorId, keys, clock::now, dir);
    }
}
