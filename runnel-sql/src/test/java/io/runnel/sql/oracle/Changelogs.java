package io.runnel.sql.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.List;

/** Test support: the table a changelog leaves. */
public final class Changelogs {
    private Changelogs() {}

    /** Inserts and update-afters add a row, update-befores and deletes remove one (which must be there). */
    public static List<Row> materialize(List<Row> changelog) {
        List<Row> table = new ArrayList<>();
        for (Row r : changelog) {
            Row asInsert = Row.insert(r.fields());
            if (r.kind().accumulates()) {
                table.add(asInsert);
            } else {
                assertThat(table.remove(asInsert)).as("retracts a row it emitted before: %s", r).isTrue();
            }
        }
        return table;
    }
}
