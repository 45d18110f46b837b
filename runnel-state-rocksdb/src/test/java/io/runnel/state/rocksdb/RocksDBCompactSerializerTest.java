package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RocksDBCompactSerializerTest {
    record Point(int x, String label) implements Serializable {}

    static final List<Object> SAMPLES = List.of("", "ascii", "ünïcödé ✓ 𝄞", 0, -1, Integer.MAX_VALUE, 42L, Long.MIN_VALUE,
            3.5, Double.NaN, -0.0, 1.5f, true, false, (short) -7, (byte) 9, 'q', new byte[] {1, 2, 3}, new long[] {4, -5},
            new Point(1, "p"), new ArrayList<>(List.of(1, "two")), new TreeMap<>(Map.of("k", 1)));

    @Test
    void everySampleRoundTrips() {
        ByteOut out = new ByteOut(4);
        for (Object o : SAMPLES) {
            out.reset();
            CompactSerializer.write(o, out);
            Object back = CompactSerializer.read(new ByteIn().wrap(out.array(), 0, out.length()));
            assertThat(back).as("%s", o).isEqualTo(o);
        }
        out.reset();
        CompactSerializer.write(null, out);
        assertThat(CompactSerializer.read(new ByteIn().wrap(out.array(), 0, out.length()))).isNull();
    }

    @Test
    void concatenatedEncodingsDecodeInOrder() {
        ByteOut out = new ByteOut(4);
        for (Object o : SAMPLES) CompactSerializer.write(o, out);
        ByteIn in = new ByteIn().wrap(out.array(), 0, out.length());
        for (Object o : SAMPLES) assertThat(CompactSerializer.read(in)).isEqualTo(o);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void equalKeysGiveEqualBytesAndCommonTypesAreCompact() {
        assertThat(bytes(new String("key"))).isEqualTo(bytes("key")).hasSize(5);
        assertThat(bytes(Double.longBitsToDouble(0x7ff8000000000001L))).isEqualTo(bytes(Double.NaN));
        assertThat(bytes(new Point(1, "p"))).isEqualTo(bytes(new Point(1, "p")));
        assertThat(bytes(7)).hasSize(5);
        assertThat(bytes(7L)).hasSize(9);
    }

    @Test
    void nonSerializableValuesAreRejectedNamingTheClass() {
        assertThatThrownBy(() -> CompactSerializer.write(new Object(), new ByteOut(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void truncatedBytesFailClearly() {
        byte[] b = bytes("a longer string");
        assertThatThrownBy(() -> CompactSerializer.read(new ByteIn().wrap(b, 0, b.length - 3)))
                .hasMessageContaining("corrupt state bytes");
    }

    private static byte[] bytes(Object o) {
        ByteOut out = new ByteOut(4);
        CompactSerializer.write(o, out);
        return out.toByteArray();
    }
}
