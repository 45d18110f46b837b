package io.runnel.bench.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.parser.ParsedStatement;
import io.runnel.sql.parser.SqlExplainStatement;
import io.runnel.sql.parser.SqlScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlInsert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans: the EXPLAIN of each bundled Nexmark query at parallelism 2 equals its file under
 * {@code src/test/resources/golden-plans}. After a deliberate planner change, rewrite them with
 * {@code -Drunnel.golden.update=true} and review the diff.
 */
class NexmarkSqlPlansTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden-plans");

    static Stream<String> queries() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".plan"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    static String explain(String query) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = SqlEnvironment.create(env);
        for (String table : new String[] {"person", "auction", "bid"}) {
            sql.executeSql("CREATE TABLE " + table + " WITH ('connector' = 'nexmark', 'table' = '" + table + "')");
        }
        List<String> lines = new ArrayList<>();
        for (ParsedStatement s : SqlScript.parse(SideInput.substitute(NexmarkSqlJob.load(query)))) {
            if (s.node() instanceof SqlInsert) {
                lines.addAll(sql.execute(new SqlExplainStatement(s.node())).lines());
            } else {
                sql.execute(s.node());
            }
        }
        return String.join("\n", lines).replaceAll("nexmark-side-input[0-9]*\\.csv", "nexmark-side-input.csv") + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void planIsTheGoldenOne(String query) throws IOException {
        String plan = explain(query);
        Path golden = GOLDEN.resolve(query + ".plan");
        if (Boolean.getBoolean("runnel.golden.update")) {
            Files.writeString(golden, plan);
        }
        assertThat(plan).isEqualTo(Files.readString(golden));
    }
}
