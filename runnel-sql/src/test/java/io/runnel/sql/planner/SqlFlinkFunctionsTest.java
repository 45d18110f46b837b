package io.runnel.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Flink's built-in functions give Flink's results, nulls and bad strings included. */
@Timeout(60)
class SqlFlinkFunctionsTest {
    private static final long T = Instant.parse("2026-03-04T05:06:07.089Z").toEpochMilli();

    private static SqlTestKit kit() {
        return new SqlTestKit().table("t", "id INT, s VARCHAR, n BIGINT, ts TIMESTAMP(3)", null, null, List.of(
                Row.insert(1, "2026-03-04 05:06:07", 1_772_600_767L, T),
                Row.insert(2, "not a time", null, null),
                Row.insert(3, null, 0L, 0L)));
    }

    private static List<Object> column(String expression) throws Exception {
        List<Row> rows = kit().stream("SELECT id, " + expression + " FROM t", 1);
        Object[] byId = new Object[3];
        for (Row r : rows) {
            byId[(Integer) r.field(0) - 1] = r.field(1);
        }
        return Arrays.asList(byId);
    }

    @Test
    void timeConversions() throws Exception {
        long seven = Instant.parse("2026-03-04T05:06:07Z").toEpochMilli();
        assertThat(column("TO_TIMESTAMP(s)")).containsExactly(seven, null, null);
        assertThat(column("TO_TIMESTAMP('2026-03-04 05:06:07.5')")).containsExactly(seven + 500, seven + 500, seven + 500);
        assertThat(column("TO_TIMESTAMP(s, 'yyyy-MM-dd HH:mm:ss')")).containsExactly(seven, null, null);
        assertThat(column("UNIX_TIMESTAMP(s)")).containsExactly(seven / 1000, null, null);
        assertThat(column("UNIX_TIMESTAMP('04/03/2026', 'dd/MM/yyyy')")).containsOnly(
                Instant.parse("2026-03-04T00:00:00Z").getEpochSecond());
        assertThat(column("FROM_UNIXTIME(n)")).containsExactly("2026-03-04 05:06:07", null, "1970-01-01 00:00:00");
        assertThat(column("FROM_UNIXTIME(n, 'yyyyMMdd')")).containsExactly("20260304", null, "19700101");
        assertThat(column("TO_TIMESTAMP_LTZ(n, 0)")).containsExactly(1_772_600_767_000L, null, 0L);
        assertThat(column("TO_TIMESTAMP_LTZ(n * 1000 + 89, 3)")).containsExactly(1_772_600_767_089L, null, 89L);
        assertThat(column("TO_DATE('2026-03-04')")).containsOnly((int) (seven / 86_400_000L));
        assertThat(column("DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss.SSS')")).containsExactly("2026-03-04 05:06:07.089", null,
                "1970-01-01 00:00:00.000");
        assertThat(column("DATE_FORMAT(s, 'HH:mm')")).containsExactly("05:06", null, null);
        assertThat(column("CAST(TO_TIMESTAMP(s) AS VARCHAR)")).containsExactly("2026-03-04 05:06:07", null, null);
    }

    @Test
    void clockFunctionsAreReadPerRow() throws Exception {
        long before = System.currentTimeMillis();
        List<Object> now = column("NOW()");
        List<Object> unix = column("UNIX_TIMESTAMP()");
        long after = System.currentTimeMillis();
        assertThat(now).allSatisfy(v -> assertThat((Long) v).isBetween(before, after));
        assertThat(unix).allSatisfy(v -> assertThat((Long) v).isBetween(before / 1000, after / 1000));
    }

    @Test
    void stringFunctions() throws Exception {
        assertThat(column("CONCAT('a', s, 'b')")).containsExactly("a2026-03-04 05:06:07b", "anot a timeb", null);
        assertThat(column("CONCAT_WS('-', 'a', s, 'b')")).containsExactly("a-2026-03-04 05:06:07-b", "a-not a time-b", "a-b");
        assertThat(column("LPAD(CAST(id AS VARCHAR), 3, '0')")).containsExactly("001", "002", "003");
        assertThat(column("RPAD('ab', 1, 'x')")).containsOnly("a");
        assertThat(column("LEFT(s, 4)")).containsExactly("2026", "not ", null);
        assertThat(column("RIGHT(s, 4)")).containsExactly("6:07", "time", null);
        assertThat(column("REVERSE(s)")).containsExactly("70:60:50 40-30-6202", "emit a ton", null);
        assertThat(column("REPEAT('ab', id)")).containsExactly("ab", "abab", "ababab");
        assertThat(column("REGEXP_REPLACE(s, '[0-9]', '#')")).containsExactly("####-##-## ##:##:##", "not a time", null);
        assertThat(column("REGEXP(s, '^[0-9]+-')")).containsExactly(true, false, null);
        assertThat(column("INSTR(s, 'a')")).containsExactly(0, 5, null);
        assertThat(column("MD5('abc')")).containsOnly("900150983cd24fb0d6963f7d28e17f72");
        assertThat(column("IF(id > 1, 'big', 'small')")).containsExactly("small", "big", "big");
        assertThat(column("IFNULL(n, -1)")).containsExactly(1_772_600_767L, -1L, 0L);
        assertThat(column("GREATEST(id, 2)")).containsExactly(2, 2, 3);
        assertThat(column("LTRIM('  x ')")).containsOnly("x ");
    }

    @Test
    void jsonFunctions() throws Exception {
        assertThat(column("JSON_VALUE('{\"a\": {\"b\": 7}}', '$.a.b')")).containsOnly("7");
        assertThat(column("JSON_VALUE(CONCAT('{\"id\": ', CAST(id AS VARCHAR), '}'), '$.id' RETURNING INTEGER)"))
                .containsExactly(1, 2, 3);
        assertThat(column("JSON_EXISTS('{\"a\": 1}', '$.b')")).containsOnly(false);
        assertThat(column("JSON_QUERY('{\"a\": [1, 2]}', '$.a')")).containsOnly("[1,2]");
        assertThat(column("JSON_OBJECT('k' VALUE id)")).containsExactly("{\"k\":1}", "{\"k\":2}", "{\"k\":3}");
    }
}
