package io.runnel.bench.nexmark;

import io.runnel.api.connector.Sink;
import io.runnel.api.connector.SinkContext;
import io.runnel.api.connector.SinkWriter;
import io.runnel.connectors.nexmark.Event;
import io.runnel.connectors.nexmark.EventJson;
import io.runnel.connectors.nexmark.JsonRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes Nexmark rows (or events, for q0) as JSON lines, one file per subtask. The file is written
 * as {@code .part-N.inprogress} and renamed to {@code part-N.jsonl} when the input ends, so
 * readers never see a partial file. (The exactly-once, checkpointed file sink comes later.)
 */
public final class JsonRowFileSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final String dir;

    public JsonRowFileSink(String dir) {
        this.dir = dir;
    }

    @Override
    public SinkWriter<T> createWriter(SinkContext context) throws IOException {
        Path folder = Path.of(dir);
        Files.createDirectories(folder);
        Path tmp = folder.resolve(".part-" + context.subtaskIndex() + ".inprogress");
        Path done = folder.resolve("part-" + context.subtaskIndex() + ".jsonl");
        BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder(256);
        return new SinkWriter<>() {
            private boolean closed;

            @Override
            public void write(T record, long timestamp) throws IOException {
                line.setLength(0);
                if (record instanceof JsonRow r) r.appendJson(line);
                else if (record instanceof Event e) EventJson.append(line, e);
                else throw new IllegalArgumentException("cannot write " + record.getClass().getName() + " as a Nexmark JSON row");
                line.append('\n');
                out.append(line);
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
                if (endOfInput && !closed) {
                    closed = true;
                    out.close();
                    Files.move(tmp, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }

            @Override
            public void close() {
                try {
                    if (!closed) out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
