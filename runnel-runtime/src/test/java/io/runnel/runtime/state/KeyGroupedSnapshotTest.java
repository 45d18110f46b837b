package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Heap snapshots written through the encoded fast path and the Java-serialization path read back equal, namespaced entries included. */
class KeyGroupedSnapshotTest {
    private static byte[] write(StateTable maps) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(maps.snapshot());
        }
        return bytes.toByteArray();
    }

    private static KeyGroupedSnapshot read(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (KeyGroupedSnapshot) in.readObject();
        }
    }

    @Test
    void encodedAndSerializedGroupsRoundTrip() throws Exception {
        KeyContext keys = new KeyContext(16, 0, 16);
        StateTable maps = new StateTable(keys);
        Map<Object, Object> expected = new HashMap<>();
        List<Object> values = List.of(7L, 3, "é-text", 2.5, true, new long[] {1, 2}, List.of("needs", "serialization"));
        for (int i = 0; i < 500; i++) {
            Object key = i % 3 == 0 ? "k" + i : (Object) (long) i;
            Object value = i % 50 == 0 ? null : values.get(i % values.size());
            keys.setCurrentKey(key);
            maps.put(value);
            expected.put(key, value);
            if (i % 7 == 0) {
                // window state: the same key in a namespace, written as a (key, namespace) pair
                maps.put(new io.runnel.api.windowing.TimeWindow(i, i + 5), (long) i);
                expected.put(new NamespacedKey(key, new io.runnel.api.windowing.TimeWindow(i, i + 5)), (long) i);
            }
        }
        KeyGroupedSnapshot back = read(write(maps));
        Map<Object, Object> actual = new HashMap<>();
        back.groups().values().forEach(actual::putAll);
        assertThat(actual).hasSameSizeAs(expected);
        for (Map.Entry<Object, Object> e : expected.entrySet()) {
            assertThat(actual).containsKey(e.getKey());
            assertThat(actual.get(e.getKey())).isEqualTo(e.getValue());
        }
        StateTable restored = new StateTable(keys);
        restored.restore(back);
        assertThat(restored.size()).isEqualTo(expected.size());
        keys.setCurrentKey(14L);
        assertThat(restored.get(new io.runnel.api.windowing.TimeWindow(14, 19))).isEqualTo(14L);
        assertThat(restored.get()).isEqualTo(values.get(14 % values.size()));
    }

    @Test
    void aTruncatedEncodedGroupIsReportedAsCorrupt() throws Exception {
        KeyContext keys = new KeyContext(1, 0, 1);
        StateTable maps = new StateTable(keys);
        keys.setCurrentKey(1L);
        maps.put(10L);
        byte[] b = write(maps);
        // the group's size field says 2 entries where one was written: the block ends early
        int at = indexOfGroupSize(b);
        b[at + 3] = 2;
        assertThatThrownBy(() -> read(b)).isInstanceOf(IOException.class).hasMessageContaining("corrupt snapshot");
    }

    /** Finds the int 1 (the size) that follows key group 0 in the block data. */
    private static int indexOfGroupSize(byte[] b) {
        for (int i = 0; i + 12 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 0 && b[i + 3] == 0
                    && b[i + 4] == 0 && b[i + 5] == 0 && b[i + 6] == 0 && b[i + 7] == 1 && b[i + 8] == 1) return i + 4;
        }
        throw new AssertionError("group header not found");
    }
}
