package io.runnel.sql.format;

import io.runnel.sql.data.Row;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A format whose every message is one insert row (json, csv, raw): {@link #read} does the work,
 * this handles {@code ignore-parse-errors} through {@link ParseErrors}.
 */
public abstract class SingleRowDecoder implements RowDecoder {
    private static final long serialVersionUID = 1L;
    private final ParseErrors errors;

    protected SingleRowDecoder(String format, boolean ignoreParseErrors) {
        this.errors = new ParseErrors(format, ignoreParseErrors);
    }

    /** The row of {@code message}, or null when it holds none (a null Kafka value); FormatException if bad. */
    protected abstract Row read(byte[] message);

    /** As {@link #read(byte[])} for a line of text; formats that parse text directly override it. */
    protected Row read(String line) {
        return read(line.getBytes(StandardCharsets.UTF_8));
    }

    /** The row of {@code message}, null when skipped; FormatException names the format. */
    public final Row decode(byte[] message) {
        try {
            return read(message);
        } catch (FormatException e) {
            return failed(e);
        }
    }

    public final Row decode(String line) {
        try {
            return read(line);
        } catch (FormatException e) {
            return failed(e);
        }
    }

    @Override
    public final void decode(byte[] message, Consumer<Row> out) {
        Row r = decode(message);
        if (r != null) {
            out.accept(r);
        }
    }

    @Override
    public final void decode(String line, Consumer<Row> out) {
        Row r = decode(line);
        if (r != null) {
            out.accept(r);
        }
    }

    private Row failed(FormatException e) {
        errors.handle(e);
        return null;
    }

    @Override
    public final long skipped() {
        return errors.skipped();
    }
}
