package io.runnel.api;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import java.io.PrintStream;

/** Prints each record on standard output, prefixed by the subtask when parallel (as Flink's print()). */
public final class PrintSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String prefix;

    public PrintSink(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
        String head = (prefix == null ? "" : prefix + ":")
                + (context.parallelism() > 1 ? (context.subtaskIndex() + 1) + "> " : (prefix == null ? "" : " "));
        PrintStream out = System.out;
        return (record, ts) -> out.println(head + record);
    }
}
