package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import org.junit.jupiter.api.Test;

/** A projection that only renames columns is optimized away; the query's result keeps its names all the same. */
class ColumnNamesSurviveTest {
    @Test
    void renamedColumnsKeepTheirNames() {
        SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create());
        sql.executeSql("CREATE TABLE t (a INT, b STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3')");
        assertThat(sql.planQuery("SELECT a AS x, b AS y FROM t").rowType().getFieldNames()).containsExactly("x", "y");
        assertThat(sql.planQuery("SELECT * FROM (SELECT a AS x, b FROM t) AS s").rowType().getFieldNames()).containsExactly("x", "b");
        sql.executeSql("CREATE MATERIALIZED VIEW v AS SELECT a AS id, b AS name FROM t");
        assertThat(sql.columnNames("v")).containsExactly("id", "name");
        assertThat(sql.liveViews().get("v").rowType().getFieldNames()).containsExactly("id", "name");
    }
}
