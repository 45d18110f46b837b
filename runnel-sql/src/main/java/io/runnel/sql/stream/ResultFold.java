package io.runnel.sql.stream;

import io.runnel.sql.data.RowFields;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result table of a query, folded from its changelog for the complete and update modes: with the query's upsert
 * key a row replaces its key's row; without one rows are a multiset. It remembers which rows changed since the last
 * trigger, for update mode.
 */
final class ResultFold {
    private final int[] key;
    private final Map<RowFields, Entry> rows = new LinkedHashMap<>();
    private final Set<RowFields> changed = new LinkedHashSet<>();

    private static final class Entry {
        Object[] fields;
        long count;

        Entry(Object[] fields, long count) {
            this.fields = fields;
            this.count = count;
        }
    }


    ResultFold(int[] key) {
        this.key = key.clone();
    }

    void apply(Row row) {
        Object[] f = row.fields();
        RowFields k = new RowFields(key.length == 0 ? f : pick(f));
        if (key.length > 0) {
            switch (row.kind()) {
                case INSERT, UPDATE_AFTER -> {
                    rows.put(k, new Entry(f, 1));
                    changed.add(k);
                }
                case DELETE -> {
                    rows.remove(k);
                    changed.remove(k);
                }
                case UPDATE_BEFORE -> { }
            }
            return;
        }
        Entry e = rows.get(k);
        if (row.kind().accumulates()) {
            if (e == null) {
                rows.put(k, new Entry(f, 1));
            } else {
                e.count++;
            }
            changed.add(k);
            return;
        }
        if (e == null) {
            throw new IllegalStateException("the result retracts a row it never added: " + row);
        }
        if (--e.count == 0) {
            rows.remove(k);
            changed.remove(k);
        }
    }

    private Object[] pick(Object[] f) {
        Object[] k = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            k[i] = f[key[i]];
        }
        return k;
    }

    /** The whole table, a row as many times as it stands. */
    List<Object[]> all() {
        List<Object[]> out = new ArrayList<>();
        for (Entry e : rows.values()) {
            for (long i = 0; i < e.count; i++) {
                out.add(e.fields);
            }
        }
        return out;
    }

    /** The rows that changed since the last call (as they stand now), and starts afresh. */
    List<Object[]> takeChanged() {
        List<Object[]> out = new ArrayList<>();
        for (RowFields k : changed) {
            Entry e = rows.get(k);
            if (e != null) {
                out.add(e.fields);
            }
        }
        changed.clear();
        return out;
    }

    /** For a checkpoint: {fields, count} per row. */
    List<Object[]> entries() {
        List<Object[]> out = new ArrayList<>(rows.size());
        rows.values().forEach(e -> out.add(new Object[] {e.fields, e.count}));
        return out;
    }

    void restore(Iterable<Object[]> entries) {
        rows.clear();
        changed.clear();
        for (Object[] e : entries) {
            Object[] f = (Object[]) e[0];
            rows.put(new RowFields(key.length == 0 ? f : pick(f)), new Entry(f, (Long) e[1]));
        }
    }
}
