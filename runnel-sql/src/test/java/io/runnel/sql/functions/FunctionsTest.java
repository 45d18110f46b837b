package io.runnel.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.planner.SqlPlanningException;
import io.runnel.testing.CollectSink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flink's DATE_FORMAT, SPLIT_INDEX, REGEXP_EXTRACT and user-defined scalar functions run inside compiled calcs. */
@Timeout(60)
class FunctionsTest {
    /** A user function as Flink's ScalarFunction: public eval methods. */
    public static final class Twice {
        public long eval(long x) {
            return 2 * x;
        }

        public String eval(String s) {
            return s + s;
        }
    }

    private static List<Row> run(String... statementsThenQuery) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.fromDataStream("t", env.fromCollection(List.of(
                Row.insert(1L, "a/b/c", "x=1&channel_id=77", 1_700_000_123_456L),
                Row.insert(2L, "only", "none", 86_400_000L + 3_600_000L * 13 + 61_000L))),
                "id BIGINT, path STRING, url STRING, ts TIMESTAMP(3)");
        for (int i = 0; i < statementsThenQuery.length - 1; i++) {
            sql.executeSql(statementsThenQuery[i]);
        }
        CollectSink<Row> sink = new CollectSink<>();
        sql.sqlQuery(statementsThenQuery[statementsThenQuery.length - 1]).sinkTo(sink);
        env.execute("functions");
        List<Row> out = List.copyOf(sink.results());
        sink.clear();
        return out;
    }

    @Test
    void flinksBuiltIns() throws Exception {
        assertThat(run("SELECT id, DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss'), SPLIT_INDEX(path, '/', 1), SPLIT_INDEX(path, '/', 5),"
                + " REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2), date_format(ts, 'HH:mm') FROM t"))
                .containsExactlyInAnyOrder(
                        Row.insert(1L, "2023-11-14 22:15:23", "b", null, "77", "22:15"),
                        Row.insert(2L, "1970-01-02 13:01:01", null, null, null, "13:01"));
    }

    @Test
    void aUserDefinedScalarFunction() throws Exception {
        assertThat(run("CREATE FUNCTION twice AS '" + Twice.class.getName() + "'", "SELECT twice(id), twice(path) FROM t"))
                .containsExactlyInAnyOrder(Row.insert(2L, "a/b/ca/b/c"), Row.insert(4L, "onlyonly"));
    }

    @Test
    void aDroppedFunctionIsGoneAndItsNameFree() {
        SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create());
        sql.fromDataStream("t", StreamEnvironment.create().fromCollection(List.of(Row.insert(1L))), "id BIGINT");
        sql.executeSql("CREATE TEMPORARY FUNCTION twice AS '" + Twice.class.getName() + "'");
        sql.sqlQuery("SELECT twice(id) FROM t");
        sql.executeSql("DROP TEMPORARY FUNCTION twice");
        assertThatThrownBy(() -> sql.sqlQuery("SELECT twice(id) FROM t")).hasMessageContaining("No match found for function");
        assertThatThrownBy(() -> sql.executeSql("DROP FUNCTION twice")).isInstanceOf(SqlPlanningException.class)
                .hasMessageContaining("no user-defined function of that name");
        sql.executeSql("DROP FUNCTION IF EXISTS twice");
        sql.executeSql("CREATE FUNCTION twice AS '" + Twice.class.getName() + "'");
        sql.sqlQuery("SELECT TWICE(id) FROM t");
    }

    @Test
    void aFunctionClassThatIsNotThereIsNamed() {
        SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create());
        assertThatThrownBy(() -> sql.executeSql("CREATE FUNCTION f AS 'com.example.Missing'"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("no class com.example.Missing");
        assertThatThrownBy(() -> sql.executeSql("CREATE FUNCTION f AS 'java.lang.Object'"))
                .hasMessageContaining("has no public eval method");
    }
}
