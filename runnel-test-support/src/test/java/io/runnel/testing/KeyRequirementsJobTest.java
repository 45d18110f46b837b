package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A key whose type the plan cannot see (a selector declared to return Object) is checked at its
 * first record: an enum fails the job with a message naming the keyed operator and the class.
 */
class KeyRequirementsJobTest {
    enum Level { LOW, HIGH }

    @Test
    void anEnumKeyHiddenBehindObjectFailsTheJobAtItsFirstRecord() {
        CollectSink<Long> out = new CollectSink<>();
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromElements(1L, 2L, 3L).keyBy(v -> (Object) (v > 1 ? Level.HIGH : Level.LOW)).reduce(Long::sum).name("per-level").sinkTo(out);
        assertThatThrownBy(() -> env.execute("enum-keys"))
                .rootCause().hasMessageContaining("operator 'per-level'").hasMessageContaining(Level.class.getTypeName())
                .hasMessageContaining("enum");
        out.clear();
    }

    @Test
    void keysWithStableHashesRun() throws Exception {
        CollectSink<Long> out = new CollectSink<>();
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromElements(1L, 2L, 3L).keyBy(v -> (Object) (v > 1 ? Level.HIGH.name() : Level.LOW.name())).reduce(Long::sum).sinkTo(out);
        env.execute("name-keys");
        assertThat(out.results()).containsExactlyInAnyOrder(1L, 2L, 5L);
        out.clear();
    }
}
