package io.runnel.sql.connect.filesystem;

import io.runnel.connectors.file.FileSource;
import io.runnel.sql.connect.LookupSource;
import io.runnel.sql.data.Row;
import io.runnel.sql.format.FormatException;
import io.runnel.sql.format.RowDecoder;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A filesystem table read whole for a lookup join; a bad line fails naming the file and line. */
final class FileLookupSource implements LookupSource {
    private static final long serialVersionUID = 1L;
    private final String table;
    private final String path;
    private final RowDecoder decoder;
    private final Duration reload;

    FileLookupSource(String table, String path, RowDecoder decoder, Duration reload) {
        this.table = table;
        this.path = path;
        this.decoder = decoder;
        this.reload = reload;
    }

    @Override
    public List<Row> loadAll() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (Path file : FileSource.files(Path.of(path))) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        decoder.decode(line, rows::add);
                    } catch (FormatException e) {
                        throw new FormatException("table " + table + ": " + file + ", line " + n + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return rows;
    }

    @Override
    public Duration reloadInterval() {
        return reload;
    }
}
