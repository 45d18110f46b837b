package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.functions.TableFunction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** User-defined table functions in LATERAL TABLE, inner and left, one column and several. */
@Timeout(60)
class SqlTableFunctionTest {
    /** Splits a string at a separator: one row (word, length) per piece, none for NULL. */
    @TableFunction.Columns({"word STRING", "len INT"})
    public static final class Split extends TableFunction<Object[]> {
        public void eval(String s, String separator) {
            if (s == null) {
                return;
            }
            for (String w : s.split(java.util.regex.Pattern.quote(separator))) {
                collect(new Object[] {w, w.length()});
            }
        }
    }

    /** 1 .. n, one column f0. */
    public static final class Upto extends TableFunction<Long> {
        public void eval(Long n) {
            for (long i = 1; n != null && i <= n; i++) {
                collect(i);
            }
        }
    }

    private static SqlTestKit kit() {
        return new SqlTestKit().table("t", "id INT, s VARCHAR, n BIGINT", null, null, List.of(
                        Row.insert(1, "a-bb", 2L), Row.insert(2, "ccc", 0L), Row.insert(3, null, 1L)))
                .statement("CREATE FUNCTION split AS '" + Split.class.getName() + "'")
                .statement("CREATE FUNCTION upto AS '" + Upto.class.getName() + "'");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void lateralTablesJoinEachRowWithItsRows(int parallelism) throws Exception {
        assertThat(kit().stream("SELECT id, word, len FROM t, LATERAL TABLE(split(s, '-')) AS w(word, len)", parallelism))
                .containsExactlyInAnyOrder(Row.insert(1, "a", 1), Row.insert(1, "bb", 2), Row.insert(2, "ccc", 3));
        assertThat(kit().stream("SELECT id, word FROM t LEFT JOIN LATERAL TABLE(split(UPPER(s), '-')) AS w(word, len)"
                + " ON TRUE", parallelism)).containsExactlyInAnyOrder(Row.insert(1, "A"), Row.insert(1, "BB"),
                Row.insert(2, "CCC"), Row.insert(3, null));
        assertThat(kit().stream("SELECT id, f0 FROM t, LATERAL TABLE(upto(n + 1)) WHERE f0 > 1", parallelism))
                .containsExactlyInAnyOrder(Row.insert(1, 2L), Row.insert(1, 3L), Row.insert(3, 2L));
    }

    @Test
    void aTableFunctionOverAnUpdatingInputKeepsItsChanges() throws Exception {
        List<Row> changelog = kit().stream("SELECT n, f0 FROM (SELECT n, COUNT(*) AS c FROM t GROUP BY n),"
                + " LATERAL TABLE(upto(c))", 1);
        assertThat(io.runnel.sql.oracle.Changelogs.materialize(changelog)).containsExactlyInAnyOrder(Row.insert(2L, 1L),
                Row.insert(0L, 1L), Row.insert(1L, 1L));
    }

    @Test
    void aClassThatIsNoFunctionIsNamed() {
        assertThatThrownBy(() -> kit().statement("CREATE FUNCTION nope AS 'java.lang.String'")
                .sqlEnvironment(StreamEnvironment.create())).hasMessageContaining("extends io.runnel.sql.functions.TableFunction");
    }
}
