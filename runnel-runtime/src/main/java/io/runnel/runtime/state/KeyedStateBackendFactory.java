package io.runnel.runtime.state;

import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Creates keyed state backends of one kind ("heap", "rocksdb"). Found by {@link java.util.ServiceLoader};
 * a module adds a backend by listing its factory in
 * {@code META-INF/services/io.runnel.runtime.state.KeyedStateBackendFactory}.
 */
public interface KeyedStateBackendFactory {
    String name();

    /**
     * A backend for one operator instance. {@code workDir} is a fresh local directory the backend
     * may use for its working files (deleted by the backend on close).
     */
    KeyedStateBackend create(String operatorId, KeyContext keys, LongSupplier processingClock, Path workDir) throws Exception;
}
