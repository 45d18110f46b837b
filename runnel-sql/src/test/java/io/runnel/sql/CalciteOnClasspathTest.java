package io.runnel.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

class CalciteOnClasspathTest {
    @Test
    void calciteParsesAQuery() throws Exception {
        SqlNode n = SqlParser.create("SELECT a, COUNT(*) FROM t GROUP BY a").parseQuery();
        assertThat(n.getKind().name()).isEqualTo("SELECT");
    }
}
