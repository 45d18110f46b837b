package io.runnel.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells as a bordered text table. Column widths are either fitted to the cells at hand (a view redrawn
 * whole) or fixed in advance (rows printed one by one, which cannot be re-aligned later); a cell wider than its
 * column is cut with an ellipsis so one long value cannot push the table off the screen.
 */
final class Grid {
    /** The widest a fitted column gets. */
    static final int MAX_WIDTH = 40;
    private final int[] widths;

    Grid(int[] widths) {
        this.widths = widths.clone();
    }

    /** Widths that fit {@code header} and {@code rows}, each at most {@link #MAX_WIDTH}. */
    static Grid fit(String[] header, List<String[]> rows) {
        int[] w = new int[header.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.min(MAX_WIDTH, header[i].length());
        }
        for (String[] row : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], Math.min(MAX_WIDTH, row[i].length()));
            }
        }
        return new Grid(w);
    }

    /** {@code +----+----+} */
    String border() {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    /** {@code | a  | b  |}; numbers could be right-aligned, but the cells are text by now and stay left. */
    String row(String[] cells) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String c = cut(cells[i], widths[i]);
            sb.append(' ').append(c).append(" ".repeat(widths[i] - c.length())).append(" |");
        }
        return sb.toString();
    }

    /** Header, rows and borders, as a redrawn view shows them. */
    List<String> lines(String[] header, List<String[]> rows) {
        List<String> out = new ArrayList<>(rows.size() + 4);
        out.add(border());
        out.add(row(header));
        out.add(border());
        for (String[] r : rows) {
            out.add(row(r));
        }
        out.add(border());
        return out;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }
}
