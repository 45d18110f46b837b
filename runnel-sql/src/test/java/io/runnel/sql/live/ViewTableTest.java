package io.runnel.sql.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.data.Row;
import io.runnel.sql.data.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewTableTest {
    private static List<String> rows(ViewSnapshot s) {
        List<String> out = new ArrayList<>();
        s.forEach(f -> out.add(java.util.Arrays.toString(f)));
        out.sort(null);
        return out;
    }

    @Test
    void anOpenSnapshotKeepsSeeingItsVersionWhileTheTableChanges() {
        ViewTable t = new ViewTable(new int[] {0});
        t.apply(Row.of(RowKind.INSERT, "a", 1L));
        t.apply(Row.of(RowKind.INSERT, "b", 1L));
        try (ViewSnapshot before = t.snapshot()) {
            t.apply(Row.of(RowKind.UPDATE_BEFORE, "a", 1L));
            t.apply(Row.of(RowKind.UPDATE_AFTER, "a", 2L));
            t.apply(Row.of(RowKind.UPDATE_AFTER, "a", 3L));
            t.apply(Row.of(RowKind.DELETE, "b", 1L));
            t.apply(Row.of(RowKind.INSERT, "c", 1L));
            try (ViewSnapshot after = t.snapshot()) {
                assertThat(rows(before)).containsExactly("[a, 1]", "[b, 1]");
                assertThat(before.lookup(new Object[] {"a"})).containsExactly("a", 1L);
                assertThat(before.lookup(new Object[] {"c"})).isNull();
                assertThat(rows(after)).containsExactly("[a, 3]", "[c, 1]");
                assertThat(after.lookup(new Object[] {"b"})).isNull();
            }
        }
        t.apply(Row.of(RowKind.UPDATE_AFTER, "a", 4L));
        try (ViewSnapshot now = t.snapshot()) {
            assertThat(rows(now)).containsExactly("[a, 4]", "[c, 1]");
        }
    }

    @Test
    void aMultisetSnapshotNeverSeesAnUpdateBeforeWithoutItsUpdateAfter() {
        ViewTable t = new ViewTable(new int[0]);
        t.apply(Row.of(RowKind.INSERT, "x", 1L));
        t.apply(Row.of(RowKind.INSERT, "x", 1L));
        t.apply(Row.of(RowKind.UPDATE_BEFORE, "x", 1L));
        try (ViewSnapshot mid = t.snapshot()) {
            assertThat(rows(mid)).containsExactly("[x, 1]", "[x, 1]");
        }
        t.apply(Row.of(RowKind.UPDATE_AFTER, "x", 2L));
        try (ViewSnapshot whole = t.snapshot()) {
            assertThat(rows(whole)).containsExactly("[x, 1]", "[x, 2]");
        }
    }

    @Test
    void aSubscriptionGetsTheRowsThenEveryChangeAndASlowOneIsCutOff() throws Exception {
        ViewTable t = new ViewTable(new int[] {0});
        t.apply(Row.of(RowKind.INSERT, "a", 1L));
        try (ViewSubscription s = t.subscribe(3)) {
            t.apply(Row.of(RowKind.UPDATE_BEFORE, "a", 1L));
            t.apply(Row.of(RowKind.UPDATE_AFTER, "a", 2L));
            List<String> got = new ArrayList<>();
            for (ViewSubscription.Change c; (c = s.poll(10)) != null; ) {
                got.add(c.diff() + java.util.Arrays.toString(c.fields()));
            }
            assertThat(got).containsExactly("1[a, 1]", "-1[a, 1]", "1[a, 2]");
            for (int i = 0; i < 5; i++) {
                t.apply(Row.of(RowKind.INSERT, "k" + i, 1L)); // nobody reads: the fourth change does not fit
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                while (true) {
                    s.poll(10);
                }
            }).hasMessageContaining("fell more than 3 changes behind");
        }
    }

    @Test
    void aRestoredCheckpointReplacesTheRows() {
        ViewTable t = new ViewTable(new int[0]);
        t.apply(Row.of(RowKind.INSERT, "x", 1L));
        t.apply(Row.of(RowKind.UPDATE_BEFORE, "x", 1L));
        List<Object[]> saved = t.checkpointEntries();
        t.apply(Row.of(RowKind.UPDATE_AFTER, "x", 2L));
        t.apply(Row.of(RowKind.INSERT, "y", 1L));
        t.reset(saved);
        t.apply(Row.of(RowKind.UPDATE_AFTER, "x", 2L)); // replayed after the restore
        try (ViewSnapshot s = t.snapshot()) {
            assertThat(rows(s)).containsExactly("[x, 2]");
        }
    }
}
