package io.runnel.sql.live;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.api.state.CheckpointedFunction;
import io.runnel.api.state.FunctionInitializationContext;
import io.runnel.api.state.FunctionSnapshotContext;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.sql.data.Row;
import java.util.List;

/**
 * Folds a view query's changelog into the view's {@link ViewTable}. Run it at parallelism 1: every change of a row
 * comes from the one upstream subtask that owns the row's key, in order. The table is operator state, so a job
 * restored from a checkpoint serves the view as it was and goes on from there; a job started afresh empties it.
 */
public final class LiveViewSink implements Sink<Row> {
    private static final long serialVersionUID = 1L;
    private final String viewId;

    public LiveViewSink(String viewId) {
        this.viewId = viewId;
    }

    @Override
    public SinkWriter<Row> createWriter(SinkContext context) {
        return new Writer(LiveViews.table(viewId));
    }

    private static final class Writer implements SinkWriter<Row>, CheckpointedFunction {
        private final ViewTable table;
        private ListState<Object[]> state;

        Writer(ViewTable table) {
            this.table = table;
        }

        @Override
        public void write(Row row, long timestamp) {
            table.apply(row);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(table.checkpointEntries());
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("materialized-view"));
            table.reset(context.isRestored() ? state.get() : List.of());
        }
    }
}
