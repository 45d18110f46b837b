package io.runnel.state.rocksdb;

import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.KeyedStateBackendFactory;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/** The "rocksdb" keyed state backend, found through {@link java.util.ServiceLoader}. */
public final class RocksDBStateBackendFactory implements KeyedStateBackendFactory {
    public static final String NAME = "rocksdb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public KeyedStateBackend create(String operatorId, KeyContext keys, LongSupplier processingClock, Path workDir) throws Exception {
        return new RocksDBKeyedStateBackend(keys, processingClock, workDir);
    }
}
