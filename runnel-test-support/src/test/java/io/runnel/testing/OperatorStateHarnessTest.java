package io.runnel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.DataStream;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.FunctionSnapshotContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Operator (non-keyed) state of a user function: a split list comes back evenly divided over the
 * new instances, a union list whole on every instance, and each instance's own list when the
 * parallelism is unchanged.
 */
class OperatorStateHarnessTest {
    /** Remembers every value in a split list and its instance's count in a union list; the value -1 asks it to tell. */
    static final class Remembering implements FlatMapFunction<Long, String>, CheckpointedFunction {
        private final List<Long> seen = new ArrayList<>();
        private transient ListState<Long> seenState;
        private transient ListState<Integer> counts;
        private boolean restored;

        @Override
        public void initializeState(FunctionInitializationContext ctx) {
            restored = ctx.isRestored();
            seenState = ctx.getOperatorStateStore().getListState(new ListStateDescriptor<>("seen"));
            counts = ctx.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("counts"));
            for (Long v : seenState.get()) seen.add(v);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext ctx) {
            seenState.update(seen);
            counts.update(List.of(seen.size()));
        }

        @Override
        public void flatMap(Long v, Collector<String> out) {
            if (v >= 0) {
                seen.add(v);
                return;
            }
            List<Integer> c = new ArrayList<>();
            counts.get().forEach(c::add);
            out.collect("restored=" + restored + " seen=" + seen + " counts=" + c);
        }
    }

    private static final Function<DataStream<Long>, DataStream<String>> PIPELINE = s -> s.flatMap(new Remembering());

    private static List<OperatorHarness.Snapshot> runTwoInstances() throws Exception {
        List<OperatorHarness.Snapshot> snapshots = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            OperatorHarness<Long, String> h = OperatorHarness.of(PIPELINE, subtask, 2, "heap");
            for (long v = 0; v < (subtask == 0 ? 5 : 2); v++) h.processElement(subtask * 100 + v, Long.MIN_VALUE);
            snapshots.add(h.snapshot(1));
            h.close();
        }
        return snapshots; // instance 0 saw 0..4, instance 1 saw 100, 101
    }

    private static String tell(List<OperatorHarness.Snapshot> from, int subtask, int parallelism) throws Exception {
        OperatorHarness<Long, String> h = OperatorHarness.restore(PIPELINE, subtask, parallelism, "heap", from);
        h.processElement(-1L, Long.MIN_VALUE);
        h.close();
        return h.output().get(0);
    }

    @Test
    void splitListsAreDividedEvenlyAndUnionListsGoWholeToEveryInstance() throws Exception {
        List<OperatorHarness.Snapshot> snapshots = runTwoInstances();
        // 7 elements over 3 instances: slices of 2, 2 and 3, in instance order
        assertThat(tell(snapshots, 0, 3)).isEqualTo("restored=true seen=[0, 1] counts=[5, 2]");
        assertThat(tell(snapshots, 1, 3)).isEqualTo("restored=true seen=[2, 3] counts=[5, 2]");
        assertThat(tell(snapshots, 2, 3)).isEqualTo("restored=true seen=[4, 100, 101] counts=[5, 2]");
        assertThat(tell(snapshots, 0, 1)).isEqualTo("restored=true seen=[0, 1, 2, 3, 4, 100, 101] counts=[5, 2]");
    }

    @Test
    void atTheSameParallelismEachInstanceGetsItsOwnList() throws Exception {
        List<OperatorHarness.Snapshot> snapshots = runTwoInstances();
        assertThat(tell(snapshots, 0, 2)).isEqualTo("restored=true seen=[0, 1, 2, 3, 4] counts=[5, 2]");
        assertThat(tell(snapshots, 1, 2)).isEqualTo("restored=true seen=[100, 101] counts=[5, 2]");
    }

    @Test
    void aFreshStartIsNotRestoredAndNameClashesAreReported() throws Exception {
        OperatorHarness<Long, String> h = OperatorHarness.of(PIPELINE);
        h.processElement(-1L, Long.MIN_VALUE);
        assertThat(h.output()).containsExactly("restored=false seen=[] counts=[]");

        FlatMapFunction<Long, Long> clash = new Clash();
        assertThatThrownBy(() -> OperatorHarness.<Long, Long>of(s -> s.flatMap(clash).name("clashing")))
                .hasMessageContaining("operator 'clashing'").hasMessageContaining("'x'");
    }

    /** Registers one name as two kinds of list. */
    static final class Clash implements FlatMapFunction<Long, Long>, CheckpointedFunction {
        @Override
        public void initializeState(FunctionInitializationContext ctx) {
            ctx.getOperatorStateStore().getListState(new ListStateDescriptor<Long>("x"));
            ctx.getOperatorStateStore().getUnionListState(new ListStateDescriptor<Long>("x"));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext ctx) {}

        @Override
        public void flatMap(Long v, Collector<Long> out) {}
    }
}
