package io.runnel.cli.shell;

import io.runnel.sql.data.RowFields;
import io.runnel.sql.data.Row;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table a changelog leaves: +I and +U add a row, -U and -D remove one (a multiset: equal rows are counted). Its
 * size is whatever the query's result is, which is inherent to showing it; only the first rows are drawn.
 */
final class TableView implements ResultView {
    private final CellFormat format;
    private final Map<RowFields, long[]> rows = new LinkedHashMap<>();
    private long size;

    TableView(CellFormat format) {
        this.format = format;
    }

    @Override
    public void accept(Row row) {
        RowFields key = new RowFields(row.fields());
        if (row.kind().accumulates()) {
            rows.computeIfAbsent(key, k -> new long[1])[0]++;
            size++;
            return;
        }
        long[] n = rows.get(key);
        if (n == null) {
            return; // a retraction of a row never shown: nothing to remove (the job's own check names such bugs)
        }
        size--;
        if (--n[0] == 0) {
            rows.remove(key);
        }
    }

    /** How many rows the table has, equal rows counted each. */
    long size() {
        return size;
    }

    /** The first {@code max} rows' fields, in the order they (last) came. */
    List<Object[]> first(int max) {
        List<Object[]> out = new ArrayList<>(Math.min(max, rows.size()));
        Iterator<Map.Entry<RowFields, long[]>> it = rows.entrySet().iterator();
        while (out.size() < max && it.hasNext()) {
            Map.Entry<RowFields, long[]> e = it.next();
            for (long i = 0; i < e.getValue()[0] && out.size() < max; i++) {
                out.add(e.getKey().values());
            }
        }
        return out;
    }

    @Override
    public List<String> lines(int maxRows) {
        List<String[]> cells = first(maxRows).stream().map(format::cells).toList();
        String[] header = format.names().toArray(String[]::new);
        return Grid.fit(header, cells).lines(header, cells);
    }

    @Override
    public String summary(int maxRows) {
        return size <= maxRows ? String.format("%,d rows", size) : String.format("%,d rows (first %,d shown)", size, maxRows);
    }

}
