package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regular joins (inner, outer, over an updating input) end at the table Calcite's batch executor computes. */
@Timeout(60)
class SqlRegularJoinTest {
    static SqlTestKit kit() {
        List<Row> people = List.of(Row.insert(1L, "ann", "OR"), Row.insert(2L, "bob", "CA"), Row.insert(3L, "cy", "WA"),
                Row.insert(4L, "di", "OR"));
        List<Row> auctions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            auctions.add(Row.insert((long) (100 + i), (long) (i % 6), (long) (i % 3), (long) (i * 7 % 11)));
        }
        return new SqlTestKit()
                .table("person", "id BIGINT, name VARCHAR, state VARCHAR", null, null, people)
                .table("auction", "id BIGINT, seller BIGINT, category BIGINT, reserve BIGINT", null, null, auctions);
    }

    static void assertFinalTableIsTheOracles(String sql, int parallelism, boolean updating) throws Exception {
        SqlTestKit kit = kit();
        List<Row> expected = kit.oracle(sql);
        assertThat(expected).isNotEmpty();
        List<Row> changelog = kit.stream(sql, parallelism);
        if (!updating) {
            assertThat(changelog).extracting(Row::kind).containsOnly(RowKind.INSERT);
        }
        assertThat(io.runnel.sql.oracle.Changelogs.materialize(changelog)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void innerJoinWithFiltersOnBothSidesIsInsertOnly(int parallelism) throws Exception {
        assertFinalTableIsTheOracles("SELECT P.name, P.state, A.id FROM auction AS A INNER JOIN person AS P ON A.seller = P.id"
                + " WHERE A.category = 1 AND (P.state = 'OR' OR P.state = 'CA')", parallelism, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void commaJoinWithAResidualCondition(int parallelism) throws Exception {
        assertFinalTableIsTheOracles("SELECT A.id, P.name FROM auction A, person P WHERE A.seller = P.id AND A.reserve > P.id * 2",
                parallelism, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void outerJoinsPadWithNullsAndRetractThePaddingOnAMatch(int parallelism) throws Exception {
        assertFinalTableIsTheOracles("SELECT P.id, P.name, A.id AS auction FROM person P LEFT JOIN auction A"
                + " ON A.seller = P.id AND A.category = 2", parallelism, true);
        assertFinalTableIsTheOracles("SELECT P.name, A.id FROM person P RIGHT JOIN auction A ON A.seller = P.id", parallelism, true);
        assertFinalTableIsTheOracles("SELECT P.name, A.id FROM person P FULL OUTER JOIN auction A ON A.seller = P.id"
                + " AND A.reserve > 5", parallelism, true);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void joinOfAnUpdatingAggregate(int parallelism) throws Exception {
        assertFinalTableIsTheOracles("SELECT P.name, S.n, S.hi FROM person P JOIN (SELECT seller, COUNT(*) AS n, MAX(reserve) AS hi"
                + " FROM auction GROUP BY seller) S ON S.seller = P.id", parallelism, true);
    }

    @Test
    void aJoinWithoutAnEqualityIsRejected() {
        SqlTestKit kit = kit();
        assertThatThrownBy(() -> kit.sqlEnvironment(StreamEnvironment.create())
                .sqlQuery("SELECT * FROM person P JOIN auction A ON A.reserve > P.id"))
                .isInstanceOf(SqlPlanningException.class).hasMessageContaining("needs an equality");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aNullJoinKeyMatchesNothing(int parallelism) throws Exception {
        // orders has a row whose product is NULL: it pairs with no row, itself included; outer joins pad it
        SqlTestKit kit = SqlQueryTest.kit();
        kit.assertSameAsOracle("SELECT a.id, b.id AS other FROM orders a JOIN orders b ON a.product = b.product", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT a.id, b.id AS other FROM orders a LEFT JOIN orders b ON a.product = b.product"
                + " AND b.amount > 4", parallelism);
        kit.assertFinalTableIsTheOracles("SELECT a.id, b.id AS other FROM (SELECT * FROM orders WHERE id < 8) a FULL JOIN"
                + " (SELECT * FROM orders WHERE id > 4) b ON a.product = b.product", parallelism);
    }
}
