package io.runnel.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** Completion over a real catalog: keywords, the tables and views created so far, and their columns. */
class SqlCompleterTest {
    private final SqlEnvironment sql = SqlEnvironment.create(StreamEnvironment.create());
    private final SqlCompleter completer = new SqlCompleter(sql);

    SqlCompleterTest() {
        sql.executeSql("CREATE TABLE orders (id BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen')");
        sql.executeSql("CREATE TABLE people (person_id BIGINT, name STRING) WITH ('connector' = 'datagen')");
        sql.executeSql("CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 10");
    }

    @Test
    void offersKeywordsTablesViewsAndColumns() {
        assertThat(completer.candidates("SEL")).contains("SELECT", "orders", "people", "big_orders", "product", "name");
    }

    @Test
    void columnsComeFromTheTablesTheStatementNames() {
        assertThat(completer.candidates("SELECT * FROM orders WHERE ")).contains("id", "product", "amount").doesNotContain("person_id", "name");
        assertThat(completer.candidates("select * from PEOPLE where ")).contains("person_id", "name").doesNotContain("product");
    }

    @Test
    void aTableCreatedLaterCompletesToo() {
        assertThat(completer.candidates("")).doesNotContain("later");
        sql.executeSql("CREATE TABLE later (x INT) WITH ('connector' = 'datagen')");
        assertThat(completer.candidates("")).contains("later", "x");
    }

    @Test
    void jlineGetsCandidatesGrouped() {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse("SELECT pro", 10), out);
        assertThat(out).anySatisfy(c -> {
            assertThat(c.value()).isEqualTo("product");
            assertThat(c.group()).isEqualTo("columns");
        });
        assertThat(out).anySatisfy(c -> assertThat(c.value()).isEqualTo("FROM"));
    }
}
