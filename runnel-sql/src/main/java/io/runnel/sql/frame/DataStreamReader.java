package io.runnel.sql.frame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Spark's {@code DataStreamReader} (and, from {@link StreamingSession#read()}, its bounded counterpart): a format, its
 * options and a schema, declared by {@link #load()} as a temporary table of the session's catalog. Spark's option names
 * are mapped to the connectors' ({@code kafka.bootstrap.servers} to {@code properties.bootstrap.servers},
 * {@code subscribe} to {@code topic}, {@code startingOffsets} to {@code scan.startup.mode}, ...); see
 * {@code docs/structured-streaming.md}.
 */
public final class DataStreamReader {
    private final StreamingSession session;
    private final boolean streaming;
    private String format;
    private String schema;
    private final Map<String, String> options = new LinkedHashMap<>();

    DataStreamReader(StreamingSession session, boolean streaming) {
        this.session = session;
        this.streaming = streaming;
    }

    /** {@code kafka}, {@code json}, {@code csv}, {@code text}, {@code nexmark}, {@code rate}, or a table connector's name. */
    public DataStreamReader format(String format) {
        this.format = Objects.requireNonNull(format);
        return this;
    }

    public DataStreamReader option(String key, String value) {
        options.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return this;
    }

    public DataStreamReader option(String key, long value) {
        return option(key, Long.toString(value));
    }

    public DataStreamReader option(String key, boolean value) {
        return option(key, Boolean.toString(value));
    }

    public DataStreamReader options(Map<String, String> options) {
        options.forEach(this::option);
        return this;
    }

    /**
     * The columns as a CREATE TABLE lists them: {@code "id INT, name STRING, ts TIMESTAMP(3)"}; it may declare
     * computed and metadata columns and a {@code WATERMARK FOR}, as SQL's.
     */
    public DataStreamReader schema(String columns) {
        this.schema = Objects.requireNonNull(columns);
        return this;
    }

    public DataFrame load() {
        return load(null);
    }

    /** Declares the table; {@code path} is the files' path, or the Nexmark table ({@code bid}, {@code auction}, {@code person}). */
    public DataFrame load(String path) {
        if (format == null) {
            throw new IllegalArgumentException((streaming ? "readStream" : "read") + "(): name the source with format(\"kafka\" | \"json\""
                    + " | \"csv\" | \"text\" | \"nexmark\" | \"rate\" | ...) before load()");
        }
        SourceDeclaration d = SourceFormats.declare(format, options, schema, path, streaming);
        return session.declare(format.toLowerCase(java.util.Locale.ROOT), d);
    }

    /** {@code format("json").load(path)}. */
    public DataFrame json(String path) {
        return format("json").load(path);
    }

    public DataFrame csv(String path) {
        return format("csv").load(path);
    }

    public DataFrame text(String path) {
        return format("text").load(path);
    }
}
