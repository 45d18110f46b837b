package io.runnel.sql.stream;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.FunctionSnapshotContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's result in its output mode. Under a micro-batch trigger each checkpoint barrier is a trigger: what reached
 * the sink before it is exactly the result of the input the sources read before it, so the batch holds, in append
 * mode, the rows added since the last trigger; in update mode, the rows changed since then; in complete mode, the
 * whole result table. The end of the input is a last trigger. Under the continuous trigger rows go out as they come.
 * Runs at parallelism 1 (every change of a row comes in order from the one upstream subtask owning its key); the
 * folded table and the next batch id are its checkpointed state, so a restored query goes on with both.
 */
final class TriggeredSink implements Sink<Row> {
    private static final long serialVersionUID = 1L;
    private final String queryId;
    private final OutputMode mode;
    private final int[] key;
    private final boolean continuous;
    private final List<String> columns;

    TriggeredSink(String queryId, OutputMode mode, int[] key, boolean continuous, List<String> columns) {
        this.queryId = queryId;
        this.mode = mode;
        this.key = key.clone();
        this.continuous = continuous;
        this.columns = List.copyOf(columns);
    }

    @Override
    public SinkWriter<Row> createWriter(SinkContext context) {
        return new Writer(QueryRuntime.of(queryId));
    }

    private final class Writer implements SinkWriter<Row>, CheckpointedFunction {
        private final QueryRuntime runtime;
        private final ResultFold fold = new ResultFold(key);
        private List<Object[]> appended = new ArrayList<>();
        private long nextBatch;
        private boolean ended;
        private ListState<Object[]> tableState;
        private ListState<Long> batchState;

        Writer(QueryRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public void write(Row row, long timestamp) throws Exception {
            if (continuous) {
                if (mode == OutputMode.APPEND || row.kind() == RowKind.INSERT || row.kind() == RowKind.UPDATE_AFTER) {
                    runtime.target.row(row);
                }
                return;
            }
            if (mode == OutputMode.APPEND) {
                appended.add(row.fields());
            } else {
                fold.apply(row);
            }
        }

        private void trigger() throws Exception {
            List<Object[]> rows = switch (mode) {
                case APPEND -> appended;
                case UPDATE -> fold.takeChanged();
                case COMPLETE -> fold.all();
            };
            appended = new ArrayList<>();
            runtime.deliver(new Batch(columns, rows), nextBatch++);
        }

        @Override
        public void flush(boolean endOfInput) throws Exception {
            if (endOfInput && !continuous && !ended) {
                trigger();
            }
            ended |= endOfInput;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            if (!continuous && !ended) {
                trigger();
            }
            tableState.update(mode == OutputMode.APPEND ? List.of() : fold.entries());
            batchState.update(List.of(nextBatch));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            tableState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("result-table"));
            batchState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next-batch"));
            if (context.isRestored()) {
                fold.restore(tableState.get());
                for (Long b : batchState.get()) {
                    nextBatch = b;
                }
            }
        }
    }
}
