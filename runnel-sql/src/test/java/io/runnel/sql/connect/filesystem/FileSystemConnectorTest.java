package io.runnel.sql.connect.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.script.CollectConnector;
import io.runnel.sql.script.SqlScriptRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Tables over real files: read in every format, written exactly once, bad lines named by file and line. */
@Timeout(60)
class FileSystemConnectorTest {
    @TempDir
    Path dir;

    private static final String SRC_COLUMNS = "id INT, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3)";

    private void run(String script, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        env.setParallelism(parallelism);
        SqlEnvironment sql = SqlEnvironment.create(env);
        new SqlScriptRunner(sql, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), q -> { })
                .run("test.sql", script);
        env.execute("filesystem test");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    /** The lines of the visible files of {@code folder}, sorted. */
    private static List<String> visibleLines(Path folder) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        return lines;
    }

    @Test
    void jsonFilesInCsvFilesOutAtParallelismTwo() throws Exception {
        write("in/a.json", "{\"id\":1,\"name\":\"apple\",\"price\":1.5,\"ts\":\"2026-12-05 10:00:00\"}",
                "{\"id\":2,\"name\":\"pear\",\"price\":0.5,\"ts\":\"2026-12-05 10:00:01\"}", "");
        write("in/b.json", "{\"id\":3,\"name\":\"plum, red\",\"price\":3,\"ts\":\"2026-12-05 10:00:02.250\"}");
        write("in/.hidden.json", "not json at all");
        run("CREATE TABLE src (" + SRC_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("in")
                + "', 'format' = 'json');\n"
                + "CREATE TABLE dest (id INT, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3)) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("out") + "', 'format' = 'csv');\n"
                + "INSERT INTO dest SELECT id, UPPER(name), price, ts FROM src WHERE price > 1;\n", 2);
        assertThat(visibleLines(dir.resolve("out"))).containsExactly(
                "1,APPLE,1.50,\"2026-12-05 10:00:00\"".replace("\"", ""), "3,\"PLUM, RED\",3.00,2026-12-05 10:00:02.25");
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .allMatch(n -> n.endsWith(".csv"));
        }
    }

    @Test
    void metadataColumnsNameEachRowsFile() throws Exception {
        Path a = write("meta/a.json", "{\"id\":1}", "{\"id\":2}");
        Path b = write("meta/b.json", "{\"id\":3}");
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        run("CREATE TABLE src (id INT, f STRING METADATA FROM 'file.path' VIRTUAL, `file.name` STRING METADATA VIRTUAL,"
                + " size BIGINT METADATA FROM 'file.size' VIRTUAL, mtime TIMESTAMP_LTZ(3) METADATA FROM 'file.modification-time' VIRTUAL)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("meta") + "', 'format' = 'json');\n"
                + "CREATE TABLE got (id INT, f STRING, n STRING, size BIGINT, mtime TIMESTAMP_LTZ(3)) WITH ('connector' = 'collect',"
                + " 'sink-id' = 'fs-meta');\n"
                + "INSERT INTO got SELECT id, f, `file.name`, size, mtime FROM src;\n", 2);
        long bTime = Files.getLastModifiedTime(b).toMillis();
        assertThat(CollectConnector.rows("fs-meta")).containsExactlyInAnyOrder(
                Row.insert(1, a.toAbsolutePath().toString(), "a.json", Files.size(a), 1_700_000_000_000L),
                Row.insert(2, a.toAbsolutePath().toString(), "a.json", Files.size(a), 1_700_000_000_000L),
                Row.insert(3, b.toAbsolutePath().toString(), "b.json", Files.size(b), bTime));
        assertThatThrownBy(() -> run("CREATE TABLE src (id INT, n STRING METADATA FROM 'file.name' VIRTUAL) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + dir.resolve("meta") + "', 'format' = 'json');\n"
                + "CREATE TABLE dest (id INT, n STRING METADATA FROM 'file.name') WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("meta-out") + "', 'format' = 'json');\n"
                + "INSERT INTO dest SELECT id, n FROM src;\n", 1))
                .hasStackTraceContaining("metadata 'file.name' cannot be written");
    }

    @Test
    void csvWithOptionsReadsBackWhatItWrote() throws Exception {
        write("in.csv", "# header comment", "1;'a;b';2.25;2026-12-05 10:00:00", "2;-;;");
        String options = "'format' = 'csv', 'csv.field-delimiter' = ';', 'csv.quote-character' = '''',"
                + " 'csv.null-literal' = '-', 'csv.allow-comments' = 'true'";
        run("CREATE TABLE src (" + SRC_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("in.csv")
                + "', " + options + ");\n"
                + "CREATE TABLE copy (" + SRC_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("copy")
                + "', " + options + ");\n"
                + "INSERT INTO copy SELECT * FROM src;\n", 1);
        assertThat(visibleLines(dir.resolve("copy"))).containsExactly("1;'a;b';2.25;2026-12-05 10:00:00", "2;-;-;-");
    }

    @Test
    void debeziumJsonFilesAreAChangelog() throws Exception {
        write("cdc.json",
                "{\"before\":null,\"after\":{\"id\":1,\"name\":\"apple\",\"price\":1.0},\"op\":\"c\"}",
                "{\"before\":null,\"after\":{\"id\":2,\"name\":\"pear\",\"price\":2.0},\"op\":\"r\"}",
                "{\"before\":{\"id\":1,\"name\":\"apple\",\"price\":1.0},\"after\":{\"id\":1,\"name\":\"apple\",\"price\":5.0},\"op\":\"u\"}",
                "{\"before\":{\"id\":2,\"name\":\"pear\",\"price\":2.0},\"after\":null,\"op\":\"d\"}",
                "{\"before\":null,\"after\":{\"id\":3,\"name\":\"apple\",\"price\":0.5},\"op\":\"c\"}");
        run("CREATE TABLE products (id INT, name STRING, price DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("cdc.json") + "', 'format' = 'debezium-json');\n"
                + "CREATE TABLE totals (name STRING, n BIGINT, total DECIMAL(10, 2)) WITH ('connector' = 'collect',"
                + " 'sink-id' = 'fs-cdc', 'changes' = 'true');\n"
                + "INSERT INTO totals SELECT name, COUNT(*), SUM(price) FROM products GROUP BY name;\n", 2);
        assertThat(fold(CollectConnector.rows("fs-cdc"))).containsExactly(Row.insert("apple", 2L, new BigDecimal("5.50")));
    }

    @Test
    void aChangelogIntoAnAppendOnlyFileIsRejectedButDebeziumFilesTakeIt() throws Exception {
        write("in.json", "{\"id\":1,\"name\":\"a\",\"price\":1}", "{\"id\":2,\"name\":\"a\",\"price\":2}");
        String src = "CREATE TABLE src (" + SRC_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("in.json") + "', 'format' = 'json');\n";
        assertThatThrownBy(() -> run(src + "CREATE TABLE dest (name STRING, n BIGINT) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("o1") + "', 'format' = 'json');\n"
                + "INSERT INTO dest SELECT name, COUNT(*) FROM src GROUP BY name;\n", 1))
                .hasStackTraceContaining("connector 'filesystem' takes only inserts");
        run(src + "CREATE TABLE dest (name STRING, n BIGINT) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("o2") + "', 'format' = 'debezium-json');\n"
                + "INSERT INTO dest SELECT name, COUNT(*) FROM src GROUP BY name;\n", 1);
        assertThat(visibleLines(dir.resolve("o2"))).containsExactly(
                "{\"before\":null,\"after\":{\"name\":\"a\",\"n\":1},\"op\":\"c\"}",
                "{\"before\":null,\"after\":{\"name\":\"a\",\"n\":2},\"op\":\"c\"}",
                "{\"before\":{\"name\":\"a\",\"n\":1},\"after\":null,\"op\":\"d\"}");
    }

    @Test
    void aBadLineFailsTheJobNamingFileLineAndField() throws Exception {
        Path file = write("bad.json", "{\"id\":1,\"price\":1}", "{\"id\":2,\"price\":\"cheap\"}");
        String ddl = "CREATE TABLE src (" + SRC_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + file
                + "', 'format' = 'json'%s);\n"
                + "CREATE TABLE dest (id INT) WITH ('connector' = 'collect', 'sink-id' = '%s');\n"
                + "INSERT INTO dest SELECT id FROM src;\n";
        assertThatThrownBy(() -> run(ddl.formatted("", "fs-bad-1"), 1))
                .hasStackTraceContaining("malformed line 2 of " + file)
                .hasStackTraceContaining("field 'price': 'cheap' is not a DECIMAL(10, 2)");
        run(ddl.formatted(", 'json.ignore-parse-errors' = 'true'", "fs-bad-2"), 1);
        assertThat(CollectConnector.rows("fs-bad-2")).containsExactly(Row.insert(1));
    }

    @Test
    void optionsAreChecked() {
        String t = "CREATE TABLE src (" + SRC_COLUMNS + ") WITH ('connector' = 'filesystem'%s);\n"
                + "CREATE TABLE dest (id INT) WITH ('connector' = 'collect', 'sink-id' = 'fs-opt');\n"
                + "INSERT INTO dest SELECT id FROM src;\n";
        assertThatThrownBy(() -> run(t.formatted(", 'format' = 'json'"), 1))
                .hasStackTraceContaining("table src (connector 'filesystem'): needs option 'path'");
        assertThatThrownBy(() -> run(t.formatted(", 'path' = '/tmp', 'format' = 'json', 'json.bogus' = 'x'"), 1))
                .hasStackTraceContaining("unknown option 'json.bogus' of format 'json'");
        assertThatThrownBy(() -> run(t.formatted(", 'path' = '/tmp', 'format' = 'json', 'csv.field-delimiter' = ';'"), 1))
                .hasStackTraceContaining("unknown option 'csv.field-delimiter'");
        assertThatThrownBy(() -> run("CREATE TABLE src (id INT, ts TIMESTAMP(3) METADATA FROM 'timestamp') WITH ("
                + "'connector' = 'filesystem', 'path' = '/tmp', 'format' = 'json');\n"
                + "CREATE TABLE dest (id INT) WITH ('connector' = 'collect', 'sink-id' = 'fs-opt');\n"
                + "INSERT INTO dest SELECT id FROM src;\n", 1))
                .hasStackTraceContaining("column ts is METADATA FROM 'timestamp', but connector 'filesystem' has only file.modification-time, file.name, file.path, file.size");
    }

    /** A changelog folded into the table it describes. */
    static List<Row> fold(List<Row> changelog) {
        List<Row> table = new ArrayList<>();
        for (Row r : changelog) {
            Row asInsert = Row.insert(r.fields());
            if (r.kind().accumulates()) {
                table.add(asInsert);
            } else {
                assertThat(table.remove(asInsert)).as("retracts a row it emitted before: %s", r).isTrue();
            }
        }
        return table;
    }
}
