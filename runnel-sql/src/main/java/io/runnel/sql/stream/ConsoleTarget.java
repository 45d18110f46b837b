package io.runnel.sql.stream;

import io.runnel.sql.data.Row;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The console sink: each batch as Spark prints it, a header with the batch id and the rows as a boxed table (at most
 * {@code numRows}, cells cut to 20 characters when {@code truncate}); under the continuous trigger, a line per row.
 */
final class ConsoleTarget implements BatchTarget {
    private final PrintStream out;
    private final int numRows;
    private final boolean truncate;
    private final List<String> columns;

    ConsoleTarget(PrintStream out, List<String> columns, int numRows, boolean truncate) {
        this.out = out;
        this.columns = columns;
        this.numRows = numRows;
        this.truncate = truncate;
    }

    @Override
    public void batch(Batch batch, long batchId) {
        StringBuilder sb = new StringBuilder();
        sb.append("-------------------------------------------\n");
        sb.append("Batch: ").append(batchId).append('\n');
        sb.append("-------------------------------------------\n");
        List<Object[]> rows = batch.rows().subList(0, Math.min(numRows, batch.rows().size()));
        int[] width = new int[columns.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = cell(columns.get(i)).length();
            for (Object[] r : rows) {
                width[i] = Math.max(width[i], cell(r[i]).length());
            }
        }
        String line = line(width);
        sb.append(line);
        sb.append(row(columns.toArray(), width));
        sb.append(line);
        for (Object[] r : rows) {
            sb.append(row(r, width));
        }
        sb.append(line);
        if (batch.rows().size() > rows.size()) {
            sb.append("only showing top ").append(rows.size()).append(" rows\n");
        }
        out.print(sb.append('\n'));
        out.flush();
    }

    @Override
    public void row(Row row) {
        out.println(Arrays.deepToString(row.fields()));
    }

    private String cell(Object v) {
        String s = v == null ? "null" : v instanceof Object[] a ? Arrays.deepToString(a) : v.toString();
        return truncate && s.length() > 20 ? s.substring(0, 17) + "..." : s;
    }

    private static String line(int[] width) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : width) {
            sb.append("-".repeat(w)).append('+');
        }
        return sb.append('\n').toString();
    }

    private String row(Object[] values, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < width.length; i++) {
            String c = cell(values[i]);
            sb.append(" ".repeat(width[i] - c.length())).append(c).append('|'); // Spark right-aligns when truncating
        }
        return sb.append('\n').toString();
    }
}
