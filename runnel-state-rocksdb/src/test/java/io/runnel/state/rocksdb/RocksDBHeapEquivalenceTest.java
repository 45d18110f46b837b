package io.runnel.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.MapState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.StateTtlConfig.UpdateType;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.runtime.state.HeapKeyedStateBackend;
import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.KeyedStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The heap backend defines the semantics; the RocksDB backend must read the same in every scenario. */
class RocksDBHeapEquivalenceTest {
    @TempDir
    Path dir;

    static Stream<Arguments> scenarios() {
        StateTtlConfig none = StateTtlConfig.DISABLED;
        StateTtlConfig onWrite = StateTtlConfig.of(Duration.ofMillis(100), UpdateType.ON_CREATE_AND_WRITE);
        StateTtlConfig onRead = StateTtlConfig.of(Duration.ofMillis(100), UpdateType.ON_READ_AND_WRITE);
        return Stream.of(
                Arguments.of("no TTL", none, 1L),
                Arguments.of("no TTL", none, 2L),
                Arguments.of("TTL on write", onWrite, 3L),
                Arguments.of("TTL on write", onWrite, 4L),
                Arguments.of("TTL on read and write", onRead, 5L),
                Arguments.of("TTL on read and write", onRead, 6L));
    }

    @ParameterizedTest(name = "{0}, seed {2}")
    @MethodSource("scenarios")
    void everyStateKindReadsAsOnTheHeap(String label, StateTtlConfig ttl, long seed) throws Exception {
        ManualClock heapClock = new ManualClock();
        ManualClock rocksClock = new ManualClock();
        List<String> expected = new StateScenario(heap(heapClock), heapClock, ttl).run(seed, 3000, 20);
        try (RocksDBKeyedStateBackend rocks = rocks(rocksClock)) {
            List<String> actual = new StateScenario(rocks, rocksClock, ttl).run(seed, 3000, 20);
            assertThat(actual).containsExactlyElementsOf(expected);
        }
        // The scenario must exercise expiry, or the TTL cases prove nothing.
        if (ttl.enabled()) assertThat(String.join("\n", expected)).contains("value=unset", "list=[]");
    }

    @Test
    void expiredValuesAreRemovedOnReadNotJustHidden() throws Exception {
        StateTtlConfig ttl = StateTtlConfig.of(Duration.ofMillis(100));
        ManualClock heapClock = new ManualClock();
        ManualClock rocksClock = new ManualClock();
        try (RocksDBKeyedStateBackend rocks = rocks(rocksClock)) {
            for (KeyedStateBackend b : List.of(heap(heapClock), rocks)) {
                ManualClock clock = b == rocks ? rocksClock : heapClock;
                ValueStateDescriptor<String> vd = new ValueStateDescriptor<>("v");
                vd.enableTimeToLive(ttl);
                ListStateDescriptor<String> ld = new ListStateDescriptor<>("l");
                ld.enableTimeToLive(ttl);
                MapStateDescriptor<String, String> md = new MapStateDescriptor<>("m");
                md.enableTimeToLive(ttl);
                ValueState<String> v = b.value(vd);
                ListState<String> l = b.list(ld);
                MapState<String, String> m = b.map(md);
                b.keys().setCurrentKey("k");
                clock.set(0);
                v.update("x");
                l.add("x");
                m.put("x", "y");
                clock.set(150);
                assertThat(v.value()).isNull();
                assertThat(l.get()).isEmpty();
                assertThat(m.get("x")).isNull();
                clock.set(50); // a clock going back would revive a value that was only hidden
                assertThat(v.value()).as(b.getClass().getSimpleName()).isNull();
                assertThat(l.get()).as(b.getClass().getSimpleName()).isEmpty();
                assertThat(m.isEmpty()).as(b.getClass().getSimpleName()).isTrue();
            }
        }
    }

    @Test
    void defaultsAndEmptyResultsMatchTheApi() throws Exception {
        try (RocksDBKeyedStateBackend rocks = rocks(new ManualClock())) {
            rocks.keys().setCurrentKey("nobody");
            assertThat(rocks.value(new ValueStateDescriptor<>("v", 42)).value()).isEqualTo(42);
            assertThat(rocks.list(new ListStateDescriptor<String>("l")).get()).isNotNull().isEmpty();
            MapState<String, String> m = rocks.map(new MapStateDescriptor<>("m"));
            assertThat(m.entries()).isEmpty();
            assertThat(m.isEmpty()).isTrue();
            assertThat(m.get("x")).isNull();
            assertThatThrownBy(() -> rocks.list(new ListStateDescriptor<String>("l")).add(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> rocks.map(new MapStateDescriptor<>("v")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'v'").hasMessageContaining("ValueState");
        }
    }

    @Test
    void mapStateKeepsKeysThatArePrefixesOfOtherKeysApart() throws Exception {
        try (RocksDBKeyedStateBackend rocks = rocks(new ManualClock())) {
            MapState<String, String> m = rocks.map(new MapStateDescriptor<>("m"));
            rocks.keys().setCurrentKey("ab");
            m.put("", "of ab");
            rocks.keys().setCurrentKey("a");
            m.put("b", "of a");
            assertThat(m.entries()).extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly("b=of a");
            m.clear();
            rocks.keys().setCurrentKey("ab");
            assertThat(m.get("")).isEqualTo("of ab");
        }
    }

    private static HeapKeyedStateBackend heap(ManualClock clock) {
        return new HeapKeyedStateBackend(new KeyContext(128, 0, 128), clock);
    }

    private RocksDBKeyedStateBackend rocks(ManualClock clock) throws Exception {
        return new RocksDBKeyedStateBackend(new KeyContext(128, 0, 128), clock, dir.resolve("rocks-" + System.nanoTime()));
    }
}
