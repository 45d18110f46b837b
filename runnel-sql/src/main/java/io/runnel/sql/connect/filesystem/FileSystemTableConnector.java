package io.runnel.sql.connect.filesystem;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.connectors.file.FileSink;
import io.runnel.connectors.file.FileSource;
import io.runnel.sql.connect.ConnectorOptions;
import io.runnel.sql.connect.DecodeLines;
import io.runnel.sql.connect.TableConnector;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.Formats;
import io.runnel.sql.format.RowDecoder;
import io.runnel.sql.format.RowEncoder;
import io.runnel.sql.format.SingleRowDecoder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code 'connector' = 'filesystem', 'path' = '...', 'format' = 'json' | 'csv' | 'raw' | 'debezium-json'}:
 * reads every visible file of the path (a file, or a folder's files in name order; names starting
 * {@code .} or {@code _} are skipped), one record per line, as a bounded input; a bad line fails
 * the job naming file and line, or is skipped when the format ignores parse errors. Written, each
 * parallel writer fills its own part file, made visible when a checkpoint (or the end of input)
 * commits it. With {@code debezium-json} it reads and writes a changelog. Metadata columns: see
 * {@link FileMetadataLineParser}.
 */
public final class FileSystemTableConnector implements TableConnector {
    static final String PATH = "path";
    static final String FORMAT = "format";
    static final String LOOKUP_TTL = "lookup.join.cache.ttl";

    @Override
    public String identifier() {
        return "filesystem";
    }

    /** A file table is read once, as the files are when the job starts. */
    @Override
    public Map<String, String> availableNow(String table, Map<String, String> options) {
        return options;
    }

    @Override
    public Set<String> options() {
        return Set.of(PATH, FORMAT, LOOKUP_TTL);
    }

    @Override
    public Set<String> metadataKeys() {
        return FileMetadataLineParser.KEYS;
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public boolean sourceProducesChanges(Map<String, String> options) {
        return Formats.producesChanges(options.get(FORMAT));
    }

    @Override
    public boolean acceptsChanges(Map<String, String> options) {
        return Formats.producesChanges(options.get(FORMAT));
    }

    private static ConnectorOptions checked(String table, Map<String, String> options) {
        ConnectorOptions o = new ConnectorOptions(table, "filesystem", options);
        o.checkKnown(Set.of(PATH, FORMAT, LOOKUP_TTL), Formats.optionPrefixes(o, FORMAT));
        o.required(PATH);
        return o;
    }

    @Override
    public DataStream<Row> source(StreamEnvironment env, SourceRequest request) {
        ConnectorOptions o = checked(request.table(), request.options());
        RowDecoder decoder = Formats.decoder(o, FORMAT, request.physicalType());
        Path path = Path.of(o.required(PATH));
        String name = "filesystem[" + request.table() + ": " + path + "]";
        if (decoder instanceof SingleRowDecoder single) {
            // parsed in the reader, so a bad line's error names its file and line number
            io.runnel.connectors.file.LineParser<Row> parser = request.metadataKeys().isEmpty() ? single::decode
                    : new FileMetadataLineParser(single, request.metadataKeys());
            return env.fromSource(new FileSource<>(path, parser), WatermarkStrategy.noWatermarks(), name);
        }
        if (!request.metadataKeys().isEmpty()) {
            throw o.error("metadata columns (" + String.join(", ", request.metadataKeys()) + ") are not read with 'format' = '"
                    + o.get(FORMAT) + "' yet (they are with json, csv and raw)");
        }
        return env.fromSource(FileSource.forLines(path), WatermarkStrategy.noWatermarks(), name)
                .flatMap(new DecodeLines(request.table(), decoder)).name("decode[" + o.get(FORMAT) + "]");
    }

    /** Looked up, the files are read whole and again every {@code lookup.join.cache.ttl} (default 60 min, as Flink). */
    @Override
    public io.runnel.sql.connect.LookupSource lookupSource(SourceRequest request) {
        ConnectorOptions o = checked(request.table(), request.options());
        RowDecoder decoder = Formats.decoder(o, FORMAT, request.physicalType());
        if (Formats.producesChanges(o.get(FORMAT))) {
            throw o.error("a changelog ('format' = '" + o.get(FORMAT) + "') cannot be looked up; declare it with json or csv");
        }
        return new FileLookupSource(request.table(), o.required(PATH), decoder,
                o.getDuration(LOOKUP_TTL, java.time.Duration.ofMinutes(60)));
    }

    @Override
    public void sink(DataStream<Row> rows, SinkRequest request) {
        ConnectorOptions o = checked(request.table(), request.options());
        if (!request.metadataKeys().isEmpty()) {
            throw o.error("metadata '" + request.metadataKeys().get(0) + "' cannot be written; declare its column VIRTUAL");
        }
        RowEncoder encoder = Formats.encoder(o, FORMAT, request.physicalType());
        String format = o.get(FORMAT);
        rows.sinkTo(new FileSink<>(Path.of(o.required(PATH)), encoder::encodeText)
                        .withPartSuffix("." + (format.equals("debezium-json") ? "json" : format)))
                .name("filesystem[" + request.table() + "]");
    }
}
