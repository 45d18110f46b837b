package io.runnel.cli.shell;

import io.runnel.sql.data.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The latest changes with their kinds (+I, -U, +U, -D), a window of at most {@code capacity} rows, oldest dropped. */
final class ChangelogView implements ResultView {
    private final CellFormat format;
    private final int capacity;
    private final ArrayDeque<Row> window;
    private long seen;

    ChangelogView(CellFormat format, int capacity) {
        this.format = format;
        this.capacity = capacity;
        this.window = new ArrayDeque<>(capacity);
    }

    @Override
    public void accept(Row row) {
        if (window.size() == capacity) {
            window.pollFirst();
        }
        window.addLast(row);
        seen++;
    }

    /** How many rows the window holds now. */
    int held() {
        return window.size();
    }

    /** The newest {@code max} rows, oldest first. */
    List<Row> latest(int max) {
        int skip = Math.max(0, window.size() - max);
        List<Row> out = new ArrayList<>(Math.min(max, window.size()));
        for (Row r : window) {
            if (skip-- <= 0) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public List<String> lines(int maxRows) {
        List<String[]> cells = latest(maxRows).stream().map(this::cells).toList();
        String[] header = header(format);
        return Grid.fit(header, cells).lines(header, cells);
    }

    @Override
    public String summary(int maxRows) {
        return seen <= maxRows ? String.format("%,d changes", seen) : String.format("last %,d of %,d changes", maxRows, seen);
    }

    private String[] cells(Row r) {
        return withKind(r.kind().shortString(), format.cells(r.fields()));
    }

    static String[] header(CellFormat format) {
        return withKind("op", format.names().toArray(String[]::new));
    }

    static String[] withKind(String kind, String[] cells) {
        String[] out = new String[cells.length + 1];
        out[0] = kind;
        System.arraycopy(cells, 0, out, 1, cells.length);
        return out;
    }
}
