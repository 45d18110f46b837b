package io.runnel.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;

/** Every statement the generated parser adds to Calcite's grammar, and queries read with Flink's lexical rules. */
class StatementParseTest {
    static <T> T parse(String sql, Class<T> type) {
        SqlNode node = RunnelSqlParser.parse(sql);
        assertThat(node).isInstanceOf(type);
        // What a node writes parses again to the same text.
        assertThat(RunnelSqlParser.parse(node.toString()).toString()).isEqualTo(node.toString());
        return type.cast(node);
    }

    @Test
    void createView() {
        SqlCreateView v = parse("CREATE TEMPORARY VIEW IF NOT EXISTS v (a, b) COMMENT 'c' AS SELECT x, y FROM t",
                SqlCreateView.class);
        assertThat(v.name()).isEqualTo("v");
        assertThat(v.columnNames()).containsExactly("a", "b");
        assertThat(v.temporary()).isTrue();
        assertThat(v.ifNotExists()).isTrue();
        assertThat(v.comment()).isEqualTo("c");
        assertThat(v.query()).isInstanceOf(SqlSelect.class);
        SqlCreateView plain = parse("CREATE VIEW db.v AS SELECT 1", SqlCreateView.class);
        assertThat(plain.name()).isEqualTo("db.v");
        assertThat(plain.columnNames()).isEmpty();
        assertThat(plain.temporary()).isFalse();
    }

    @Test
    void createFunction() {
        SqlCreateFunction f = parse("CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS f AS 'com.x.F' LANGUAGE java",
                SqlCreateFunction.class);
        assertThat(f.name()).isEqualTo("f");
        assertThat(f.className()).isEqualTo("com.x.F");
        assertThat(f.language()).isEqualTo("JAVA");
        assertThat(f.temporary()).isTrue();
        assertThat(f.system()).isTrue();
        assertThat(f.ifNotExists()).isTrue();
        SqlCreateFunction g = parse("CREATE FUNCTION g AS 'G'", SqlCreateFunction.class);
        assertThat(g.language()).isEqualTo("JAVA");
        assertThat(g.system()).isFalse();
    }

    @Test
    void drop() {
        SqlDropObject d = parse("DROP TEMPORARY VIEW IF EXISTS v", SqlDropObject.class);
        assertThat(d.objectKind()).isEqualTo(SqlDropObject.ObjectKind.VIEW);
        assertThat(d.ifExists()).isTrue();
        assertThat(d.temporary()).isTrue();
        assertThat(d.name()).isEqualTo("v");
        assertThat(parse("DROP TABLE t", SqlDropObject.class).objectKind()).isEqualTo(SqlDropObject.ObjectKind.TABLE);
        SqlDropObject f = parse("DROP FUNCTION f", SqlDropObject.class);
        assertThat(f.objectKind()).isEqualTo(SqlDropObject.ObjectKind.FUNCTION);
        assertThat(f.ifExists()).isFalse();
    }

    @Test
    void setResetShowDescribe() {
        SqlSetStatement set = parse("SET 'table.exec.mini-batch.enabled' = 'true'", SqlSetStatement.class);
        assertThat(set.key()).isEqualTo("table.exec.mini-batch.enabled");
        assertThat(set.value()).isEqualTo("true");
        assertThat(parse("SET", SqlSetStatement.class).key()).isNull();
        assertThat(parse("RESET 'k'", SqlResetStatement.class).key()).isEqualTo("k");
        assertThat(parse("RESET", SqlResetStatement.class).key()).isNull();
        assertThat(parse("SHOW TABLES", SqlShowObjects.class).listing()).isEqualTo(SqlShowObjects.Listing.TABLES);
        assertThat(parse("SHOW VIEWS", SqlShowObjects.class).listing()).isEqualTo(SqlShowObjects.Listing.VIEWS);
        assertThat(parse("show functions", SqlShowObjects.class).listing())
                .isEqualTo(SqlShowObjects.Listing.FUNCTIONS);
        assertThat(parse("DESCRIBE bid", SqlDescribeTable.class).name()).isEqualTo("bid");
        assertThat(parse("DESC `dateTime`", SqlDescribeTable.class).name()).isEqualTo("dateTime");
    }

    @Test
    void explainTakesAQueryAnInsertOrAStatementSet() {
        assertThat(parse("EXPLAIN SELECT a FROM t", SqlExplainStatement.class).statement())
                .isInstanceOf(SqlSelect.class);
        assertThat(parse("EXPLAIN PLAN FOR INSERT INTO s SELECT a FROM t", SqlExplainStatement.class).statement())
                .isInstanceOf(SqlInsert.class);
        assertThat(parse("EXPLAIN EXECUTE STATEMENT SET BEGIN INSERT INTO s SELECT 1; END",
                SqlExplainStatement.class).statement()).isInstanceOf(SqlStatementSet.class);
    }

    @Test
    void statementSet() {
        SqlStatementSet set = parse("""
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO a SELECT x FROM t;
                  INSERT INTO b (y) SELECT CASE WHEN x > 1 THEN 1 ELSE 0 END FROM t;
                END""", SqlStatementSet.class);
        assertThat(set.inserts()).hasSize(2);
        assertThat(set.inserts().get(1).getTargetColumnList()).hasSize(1);
        assertThat(RunnelSqlParser.parse("EXECUTE INSERT INTO a SELECT 1")).isInstanceOf(SqlInsert.class);
    }

    @Test
    void queriesKeepNamesAsWrittenAndTakeFlinkTypesInCasts() {
        SqlSelect select = (SqlSelect) RunnelSqlParser.parse(
                "SELECT `dateTime`, auctionId, CAST(price AS STRING) AS s FROM Bid WHERE `timestamp` > 0");
        assertThat(((SqlIdentifier) select.getSelectList().get(0)).getSimple()).isEqualTo("dateTime");
        assertThat(((SqlIdentifier) select.getSelectList().get(1)).getSimple()).isEqualTo("auctionId");
        assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("Bid");
        SqlBasicCall alias = (SqlBasicCall) select.getSelectList().get(2);
        assertThat(alias.operand(0).toString()).isEqualTo("CAST(`price` AS VARCHAR(2147483647))");
    }

    @Test
    void flinkWordsStayUsableAsNames() {
        SqlSelect select = (SqlSelect) RunnelSqlParser.parse("SELECT comment, watermark, metadata FROM tables");
        assertThat(select.getSelectList()).hasSize(3);
        var t = ((SqlCreateTable) RunnelSqlParser.parse(
                "CREATE TABLE t (comment STRING, watermark BIGINT, WATERMARK FOR watermark AS watermark)"))
                .toTableDef();
        assertThat(t.columns()).hasSize(2);
        assertThat(t.watermark().rowtimeColumn()).isEqualTo("watermark");
    }

    @Test
    void typesInFlinkSpelling() {
        var t = ((SqlCreateTable) RunnelSqlParser.parse("""
                CREATE TABLE t (a MULTISET<INT NOT NULL>, b ARRAY<ARRAY<BIGINT> >, c TIMESTAMP_LTZ,
                  d ROW<x INT COMMENT 'x', y MAP<STRING, BYTES> NOT NULL>, e INT ARRAY, f TIMESTAMP(3) NULL)"""))
                .toTableDef();
        assertThat(t.columns().stream().map(c -> TypeText.of(c.type()))).containsExactly(
                "INTEGER MULTISET", "BIGINT ARRAY ARRAY", "TIMESTAMP WITH LOCAL TIME ZONE",
                "ROW(`x` INTEGER, `y` MAP< VARCHAR(2147483647), VARBINARY(2147483647) > NOT NULL)",
                "INTEGER ARRAY", "TIMESTAMP(3)");
        assertThat(t.columns().get(5).type().getNullable()).isTrue();
    }

    @Test
    void tableChecksTheGrammarCannotMake() {
        assertThatThrownBy(() -> RunnelSqlParser.parse("CREATE TABLE t (a INT,\n  a BIGINT)"))
                .isInstanceOf(SqlParseError.class).hasMessage("line 2, column 3: column a is declared twice");
        assertThatThrownBy(() -> RunnelSqlParser.parse("CREATE TABLE t WITH ('k' = 'v', 'k' = 'w')"))
                .hasMessage("line 1, column 33: option 'k' is given twice");
        assertThatThrownBy(() -> RunnelSqlParser.parse(
                "CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)"))
                .hasMessageContaining("at most one PRIMARY KEY");
        assertThatThrownBy(() -> RunnelSqlParser.parse("CREATE TABLE t (a INT PRIMARY KEY)"))
                .isInstanceOf(SqlParseError.class).hasMessageContaining("expected \"NOT\"");
    }
}
