package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.KeyedStateBackendFactory;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDBStateBackendFactoryTest {
    @TempDir
    Path dir;

    @Test
    void foundByServiceLoaderAsRocksdb() {
        assertThat(ServiceLoader.load(KeyedStateBackendFactory.class).stream().map(p -> p.get().name()))
                .contains("rocksdb");
    }

    @Test
    void backendWorksInItsWorkDirAndDeletesItOnClose() throws Exception {
        KeyedStateBackendFactory factory = ServiceLoader.load(KeyedStateBackendFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("rocksdb")).findFirst().orElseThrow();
        Path work = dir.resolve("op-1-0");
        KeyedStateBackend b = factory.create("op-1", new KeyContext(128, 64, 128), () -> 0L, work);
        b.keys().setCurrentKey("key"); // key group 72: owned by this subtask (64..127)
        b.value(new ValueStateDescriptor<String>("v")).update("x");
        assertThat(work.resolve("db")).isDirectory();
        b.close();
        assertThat(work).doesNotExist();
        b.close(); // idempotent
        assertThatThrownBy(() -> b.value(new ValueStateDescriptor<String>("w"))).hasMessageContaining("closed");
    }

    @Test
    void manyBackendsOpenAndCloseWithoutLeakingTheirDirectories() throws Exception {
        for (int i = 0; i < 20; i++) {
            Path work = dir.resolve("b" + i);
            try (RocksDBKeyedStateBackend b = new RocksDBKeyedStateBackend(new KeyContext(128, 0, 128), () -> 0L, work)) {
                b.keys().setCurrentKey(i);
                b.value(new ValueStateDescriptor<Integer>("v")).update(i);
                b.snapshot(1); // a snapshot never written is cleaned up with the work dir
            }
            assertThat(work).doesNotExist();
        }
    }
}
