package io.runnel.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table view folds a changelog into the table it leaves; the changelog view keeps a bounded window. */
class ResultViewsTest {
    private static final CellFormat FORMAT = CellFormat.plain(List.of("word", "n"));

    @Test
    void theTableFoldsInsertsUpdatesAndDeletes() {
        TableView table = new TableView(FORMAT);
        table.accept(Row.of(RowKind.INSERT, "a", 1L));
        table.accept(Row.of(RowKind.INSERT, "b", 1L));
        table.accept(Row.of(RowKind.UPDATE_BEFORE, "a", 1L));
        table.accept(Row.of(RowKind.UPDATE_AFTER, "a", 2L));
        table.accept(Row.of(RowKind.INSERT, "c", 1L));
        table.accept(Row.of(RowKind.DELETE, "c", 1L));
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.first(10)).containsExactly(new Object[] {"b", 1L}, new Object[] {"a", 2L});
        assertThat(table.summary(10)).isEqualTo("2 rows");
    }

    @Test
    void equalRowsCountEachAndARetractionRemovesOne() {
        TableView table = new TableView(FORMAT);
        table.accept(Row.of(RowKind.INSERT, "x", 1L));
        table.accept(Row.of(RowKind.INSERT, "x", 1L));
        table.accept(Row.of(RowKind.DELETE, "x", 1L));
        table.accept(Row.of(RowKind.DELETE, "never", 9L)); // nothing to remove: ignored, not negative
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.first(10)).containsExactly(new Object[] {"x", 1L});
    }

    @Test
    void theTableDrawsOnlyTheRowsThatFitAndSaysHowManyThereAre() {
        TableView table = new TableView(FORMAT);
        for (long i = 0; i < 100; i++) {
            table.accept(Row.of(RowKind.INSERT, "w" + i, i));
        }
        List<String> lines = table.lines(5);
        assertThat(lines).hasSize(5 + 4).contains("| w0   | 0 |", "| w4   | 4 |").doesNotContain("| w5   | 5 |");
        assertThat(lines.get(1)).isEqualTo("| word | n |");
        assertThat(table.summary(5)).isEqualTo("100 rows (first 5 shown)");
    }

    @Test
    void theChangelogKeepsOnlyItsWindowWithKinds() {
        ChangelogView log = new ChangelogView(FORMAT, 3);
        log.accept(Row.of(RowKind.INSERT, "a", 1L));
        log.accept(Row.of(RowKind.UPDATE_BEFORE, "a", 1L));
        log.accept(Row.of(RowKind.UPDATE_AFTER, "a", 2L));
        log.accept(Row.of(RowKind.DELETE, "a", 2L));
        assertThat(log.held()).isEqualTo(3);
        assertThat(log.latest(2)).extracting(Row::kind).containsExactly(RowKind.UPDATE_AFTER, RowKind.DELETE);
        assertThat(log.lines(10)).containsSequence("| op | word | n |", "+----+------+---+", "| -U | a    | 1 |", "| +U | a    | 2 |",
                "| -D | a    | 2 |");
        assertThat(log.summary(2)).isEqualTo("last 2 of 4 changes");
    }

    @Test
    void aLongCellIsCutAndTableauWidthsAreFixed() {
        String wide = "x".repeat(100);
        TableView table = new TableView(FORMAT);
        table.accept(Row.of(RowKind.INSERT, wide, 1L));
        assertThat(table.lines(1).get(3)).hasSize(Grid.MAX_WIDTH + 8).contains("…");
        TableauPrinter tableau = new TableauPrinter(FORMAT, new int[] {6, 3});
        assertThat(tableau.header()).containsExactly("+----+--------+-----+", "| op | word   | n   |", "+----+--------+-----+");
        assertThat(tableau.line(Row.of(RowKind.UPDATE_AFTER, "toolong", 12L))).isEqualTo("| +U | toolo… | 12  |");
        assertThat(tableau.line(Row.of(RowKind.INSERT, null, 1L))).isEqualTo("| +I | <NULL> | 1   |");
    }
}
