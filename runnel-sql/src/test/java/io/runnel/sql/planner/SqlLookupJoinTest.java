package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.testing.CollectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookup joins against a real file: each stream row meets the table's rows as they are when it passes. */
@Timeout(60)
class SqlLookupJoinTest {
    @TempDir
    Path dir;

    private SqlEnvironment tables(StreamEnvironment env, long rows, long rate, String ttl) throws Exception {
        Files.write(dir.resolve("rates.csv"), List.of("0,zero,0", "1,one,10", "2,two,20", "2,deux,21", "4,four,40"));
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql("CREATE TABLE orders (id BIGINT, amount INT) WITH ('connector' = 'datagen', 'rows-per-second' = '" + rate
                + "', 'number-of-rows' = '" + rows + "', 'fields.id.kind' = 'sequence', 'fields.id.start' = '0',"
                + " 'fields.id.end' = '1000000', 'fields.amount.min' = '0', 'fields.amount.max' = '30')");
        sql.executeSql("CREATE TABLE rates (k INT, name STRING, bound INT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("rates.csv") + "', 'format' = 'csv'" + (ttl == null ? "" : ", 'lookup.join.cache.ttl' = '" + ttl + "'") + ")");
        sql.executeSql("CREATE VIEW o AS SELECT *, PROCTIME() AS p FROM orders");
        return sql;
    }

    private static List<Row> run(StreamEnvironment env, SqlEnvironment sql, String query) throws Exception {
        CollectSink<Row> out = new CollectSink<>();
        sql.sqlQuery(query).sinkTo(out);
        env.execute("lookup join");
        List<Row> rows = new ArrayList<>(out.results());
        rows.sort(Comparator.comparing((Row r) -> (Long) r.field(0)).thenComparing(r -> String.valueOf(r.field(1))));
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void anInnerJoinOnAnExpressionMatchesEveryRowWithTheKeysRows(int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        SqlEnvironment sql = tables(env, 50, 0, null);
        List<Row> got = run(env, sql, "SELECT o.id, r.name FROM o JOIN rates FOR SYSTEM_TIME AS OF o.p AS r ON MOD(o.id, 5) = r.k");
        List<Row> expected = new ArrayList<>();
        for (long id = 0; id < 50; id++) {
            switch ((int) (id % 5)) {
                case 0 -> expected.add(Row.insert(id, "zero"));
                case 1 -> expected.add(Row.insert(id, "one"));
                case 2 -> {
                    expected.add(Row.insert(id, "deux"));
                    expected.add(Row.insert(id, "two"));
                }
                case 4 -> expected.add(Row.insert(id, "four"));
                default -> { }
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(sql.explain("SELECT o.id FROM o JOIN rates FOR SYSTEM_TIME AS OF o.p AS r ON o.id = r.k")).contains("LookupJoin[INNER rates");
    }

    @Test
    void aLeftJoinPadsRowsWhoseMatchesFailTheResidualCondition() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = tables(env, 40, 0, null);
        List<Row> got = run(env, sql, "SELECT o.id, r.name, o.amount FROM o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.p AS r"
                + " ON CAST(MOD(o.id, 5) AS INT) = r.k AND o.amount <= r.bound");
        StreamEnvironment plain = StreamEnvironment.create();
        List<Row> all = run(plain, tables(plain, 40, 0, null), "SELECT id, amount FROM orders");
        List<Row> expected = new ArrayList<>();
        String[][] names = {{"zero"}, {"one"}, {"deux", "two"}, {}, {"four"}};
        int[][] bounds = {{0}, {10}, {21, 20}, {}, {40}};
        for (Row r : all) {
            long id = (Long) r.field(0);
            int amount = (Integer) r.field(1);
            int before = expected.size();
            for (int i = 0; i < names[(int) (id % 5)].length; i++) {
                if (amount <= bounds[(int) (id % 5)][i]) {
                    expected.add(Row.insert(id, names[(int) (id % 5)][i], amount));
                }
            }
            if (expected.size() == before) {
                expected.add(Row.insert(id, null, amount));
            }
        }
        expected.sort(Comparator.comparing((Row r) -> (Long) r.field(0)).thenComparing(r -> String.valueOf(r.field(1))));
        assertThat(expected).anySatisfy(r -> assertThat(r.field(1)).isNull());
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void theTableIsReadAgainAfterItsTtl() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        SqlEnvironment sql = tables(env, 60, 20, "100 ms");
        CollectSink<Row> out = new CollectSink<>();
        sql.sqlQuery("SELECT o.id, r.name FROM o JOIN rates FOR SYSTEM_TIME AS OF o.p AS r ON o.id * 0 + 1 = r.k").sinkTo(out);
        Thread job = new Thread(() -> {
            try {
                env.execute("lookup reload");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        job.start();
        while (out.results().size() < 5) {
            Thread.sleep(20);
        }
        Files.write(dir.resolve("rates.csv.tmp"), List.of("1,uno,10"));
        Files.move(dir.resolve("rates.csv.tmp"), dir.resolve("rates.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        job.join();
        List<Row> rows = out.results();
        assertThat(rows).hasSize(60);
        assertThat(rows.get(0).field(1)).isEqualTo("one");
        assertThat(rows.get(59).field(1)).isEqualTo("uno");
    }

    @Test
    void unsupportedLookupsSayWhy() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        SqlEnvironment sql = tables(env, 5, 0, null);
        sql.executeSql("CREATE TABLE timed (id BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '5')");
        sql.executeSql("CREATE TABLE other (k BIGINT) WITH ('connector' = 'datagen')");
        assertThatThrownBy(() -> sql.planQuery("SELECT * FROM timed t JOIN rates FOR SYSTEM_TIME AS OF t.ts AS r ON t.id = r.k"))
                .hasMessageContaining("needs a versioned table, but rates has no PRIMARY KEY");
        assertThatThrownBy(() -> sql.planQuery("SELECT * FROM o JOIN other FOR SYSTEM_TIME AS OF o.p AS r ON o.id = r.k"))
                .hasMessageContaining("connector 'datagen' cannot be looked up");
        assertThatThrownBy(() -> sql.planQuery("SELECT * FROM o JOIN rates FOR SYSTEM_TIME AS OF o.p AS r ON o.amount < r.bound"))
                .hasMessageContaining("needs an equality");
    }
}
