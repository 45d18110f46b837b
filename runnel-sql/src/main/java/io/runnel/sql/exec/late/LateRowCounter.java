package io.runnel.sql.exec.late;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.sql.data.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where late rows go when no late-rows table is set: counted (the job's result reports this sink's records) and
 * logged, the 1st, 2nd, 4th, 8th, ... of each subtask, so a late feed is seen without flooding the log.
 */
public final class LateRowCounter implements Sink<Row> {
    /** The name of its sink in a job (the job's result counts records per sink by name). */
    public static final String SINK_NAME = "late rows dropped";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LateRowCounter.class);

    /** The late rows a finished job dropped (counted by this sink). */
    public static long dropped(io.runnel.api.JobResult result) {
        return result.recordsIn().entrySet().stream().filter(e -> e.getKey().startsWith(SINK_NAME))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** The rows a finished job wrote to its result sinks: all sinks' records but the dropped late rows. */
    public static long resultRows(io.runnel.api.JobResult result) {
        return result.sinkRecords() - dropped(result);
    }

    @Override
    public SinkWriter<Row> createWriter(SinkContext context) {
        return new SinkWriter<>() {
            private long dropped;

            @Override
            public void write(Row late, long timestamp) {
                dropped++;
                if (Long.bitCount(dropped) == 1) {
                    LOG.warn("{} dropped a late row ({} so far on this subtask; SET 'table.exec.late-rows.sink' = '<table>'"
                            + " to keep them): {}", late.field(0), dropped, late.field(1));
                }
            }
        };
    }
}
