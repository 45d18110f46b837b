package io.runnel.sql.connect.filesystem;

import io.runnel.connectors.file.LineParser;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.SingleRowDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Decodes a line and appends the metadata columns of its file, as Flink's filesystem connector
 * names them: {@code file.path} (STRING), {@code file.name} (STRING), {@code file.size} (BIGINT),
 * {@code file.modification-time} (TIMESTAMP_LTZ(3)). A file's values are read once, at its first line.
 */
final class FileMetadataLineParser implements LineParser<Row> {
    static final Set<String> KEYS = Set.of("file.path", "file.name", "file.size", "file.modification-time");
    private static final long serialVersionUID = 1L;
    private final SingleRowDecoder decoder;
    private final String[] keys;
    private transient Path file;
    private transient Object[] values;

    FileMetadataLineParser(SingleRowDecoder decoder, List<String> keys) {
        this.decoder = decoder;
        this.keys = keys.toArray(String[]::new);
    }

    @Override
    public Row parse(String line) {
        throw new IllegalStateException("a file's metadata needs the file the line is in");
    }

    @Override
    public Row parse(String line, Path in) {
        Row row = decoder.decode(line);
        if (row == null) {
            return null;
        }
        if (!in.equals(file)) {
            values = metadata(in);
            file = in;
        }
        Object[] physical = row.fields();
        Object[] out = Arrays.copyOf(physical, physical.length + keys.length);
        System.arraycopy(values, 0, out, physical.length, keys.length);
        return Row.of(row.kind(), out);
    }

    private Object[] metadata(Path in) {
        Object[] v = new Object[keys.length];
        try {
            for (int i = 0; i < keys.length; i++) {
                v[i] = switch (keys[i]) {
                    case "file.path" -> in.toAbsolutePath().toString();
                    case "file.name" -> in.getFileName().toString();
                    case "file.size" -> Files.size(in);
                    case "file.modification-time" -> Files.getLastModifiedTime(in).toMillis();
                    default -> throw new IllegalArgumentException(keys[i]);
                };
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metadata of " + in + ": " + e.getMessage(), e);
        }
        return v;
    }
}
