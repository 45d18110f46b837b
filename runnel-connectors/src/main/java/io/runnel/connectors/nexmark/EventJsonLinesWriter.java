package io.runnel.connectors.nexmark;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes events as JSON lines ({@code \n} after every line, including the last), the format of the
 * anchor's data/nexmark-1m.jsonl. Reuses one line buffer; the caller owns the writer's charset and
 * buffering (all generated text is ASCII).
 */
public final class EventJsonLinesWriter implements Closeable, Flushable {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public EventJsonLinesWriter(Writer out) { this.out = out; }

    public void write(Event e) throws IOException {
        line.setLength(0);
        EventJson.append(line, e);
        line.append('\n');
        out.append(line);
    }

    /** Writes events {@code from} (inclusive) to {@code to} (exclusive) of {@code generator}. */
    public void writeRange(NexmarkGenerator generator, long from, long to) throws IOException {
        Event e = new Event();
        for (long i = from; i < to; i++) write(generator.fill(i, e));
    }

    @Override
    public void flush() throws IOException { out.flush(); }

    @Override
    public void close() throws IOException { out.close(); }
}
