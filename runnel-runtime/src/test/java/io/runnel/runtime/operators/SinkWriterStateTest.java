package io.runnel.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.FunctionSnapshotContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sink writer with operator state: what it still buffers at a barrier comes back after a restore. */
class SinkWriterStateTest {
    /** Writes records in pairs; an odd one waits in the buffer, which is operator state. */
    static final class PairingSink implements Sink<String> {
        static final List<String> WRITTEN = new ArrayList<>();

        @Override
        public SinkWriter<String> createWriter(SinkContext context) {
            return new Writer();
        }

        static final class Writer implements SinkWriter<String>, CheckpointedFunction {
            private final List<String> pending = new ArrayList<>();
            private ListState<String> state;

            @Override
            public void initializeState(FunctionInitializationContext ctx) {
                state = ctx.getOperatorStateStore().getListState(new ListStateDescriptor<>("pending"));
                state.get().forEach(pending::add);
            }

            @Override
            public void snapshotState(FunctionSnapshotContext ctx) {
                state.update(pending);
            }

            @Override
            public void write(String record, long timestamp) {
                pending.add(record);
                if (pending.size() == 2) {
                    WRITTEN.add(String.join("+", pending));
                    pending.clear();
                }
            }
        }
    }

    private static SinkOperator<String> sink(OperatorRestore restore) throws Exception {
        SinkOperator<String> op = new SinkOperator<>(new PairingSink());
        op.setup(new OperatorContext("pairs", 0, 1, 128, () -> 0L, false), new BroadcastOperatorsTest.Capture().asVoid());
        if (restore != null) op.restoreState(restore);
        op.open();
        return op;
    }

    @Test
    void whatTheWriterStillBuffersAtTheBarrierIsRestored() throws Exception {
        SinkOperator<String> first = sink(null);
        first.processElement("a", 0);
        first.processElement("b", 0);
        first.processElement("c", 0);
        OperatorSnapshot s = new OperatorSnapshot(1, false);
        first.snapshotState(s);
        Map<String, Object> parts = new java.util.HashMap<>(s.parts());

        SinkOperator<String> restored = sink(new OperatorRestore(Path.of("."), List.of(parts)));
        restored.processElement("d", 0);
        assertThat(PairingSink.WRITTEN).containsExactly("a+b", "c+d");
    }
}
