package io.runnel.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.functions.KeySelector;
import io.runnel.runtime.plan.JobPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys whose hashCode differs between JVMs are rejected, at plan time where the type is known and else at the first record. */
class StableKeysTest {
    enum Color { RED, GREEN }

    record Event(String user, Color color, int n) {}

    record Paint(Color color, String name) {}

    record UserBucket(String user, long bucket) {}

    static final class NoHash {}

    static final class ColorKey implements KeySelector<Event, Color> {
        @Override
        public Color getKey(Event e) {
            return e.color();
        }
    }

    @Test
    void identityHashedClassesAreNamedWithTheReason() {
        assertThat(StableKeys.problemOf(Color.class)).contains("enum");
        assertThat(StableKeys.problemOf(int[].class)).contains("array");
        assertThat(StableKeys.problemOf(NoHash.class)).contains("does not override hashCode()");
        assertThat(StableKeys.problemOf(Object.class)).contains("does not override hashCode()");
        assertThat(StableKeys.problemOf(Paint.class)).contains("component 'color'").contains("enum");
        assertThat(StableKeys.problemOf(String.class)).isNull();
        assertThat(StableKeys.problemOf(Long.class)).isNull();
        assertThat(StableKeys.problemOf(UserBucket.class)).isNull();
        assertThat(StableKeys.problemOf(List.of("a").getClass())).isNull();
    }

    @Test
    void aJobKeyedByAnEnumIsRejectedAtPlanTimeNamingTheOperatorAndTheClass() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements(new Event("a", Color.RED, 1)).keyBy(Event::color).reduce((a, b) -> a).name("per-color").print();
        assertThatThrownBy(() -> JobPlan.of(env.job("enum-key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator 'per-color'")
                .hasMessageContaining(Color.class.getTypeName())
                .hasMessageContaining("enum");
    }

    @Test
    void lambdasRecordKeysAndSelectorClassesAreCheckedToo() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements(new Event("a", Color.RED, 1)).keyBy(e -> new Paint(e.color(), e.user())).reduce((a, b) -> a).name("per-paint").print();
        assertThatThrownBy(() -> JobPlan.of(env.job("record-key"))).hasMessageContaining("operator 'per-paint'")
                .hasMessageContaining("component 'color'");

        StreamEnvironment env2 = StreamEnvironment.create();
        env2.fromElements(new Event("a", Color.RED, 1)).keyBy(new ColorKey()).reduce((a, b) -> a).name("by-class").print();
        assertThatThrownBy(() -> JobPlan.of(env2.job("selector-class"))).hasMessageContaining("operator 'by-class'");

        StreamEnvironment env3 = StreamEnvironment.create();
        env3.fromElements(new Event("a", Color.RED, 1)).keyBy(e -> new UserBucket(e.user(), e.n())).reduce((a, b) -> a).print();
        JobPlan.of(env3.job("stable-key")); // accepted
    }

    @Test
    void keysOfUnknownDeclaredTypeAreCheckedAtTheFirstRecordOfEachClass() {
        StableKeys.Guard guard = new StableKeys.Guard("by-anything");
        assertThat(guard.check("a")).isEqualTo("a");
        assertThatThrownBy(() -> guard.check(Color.GREEN)).hasMessageContaining("operator 'by-anything'")
                .hasMessageContaining("enum");
        assertThatThrownBy(() -> guard.check(new byte[] {1})).hasMessageContaining("array");
        assertThat(guard.check(7L)).isEqualTo(7L);
    }
}
