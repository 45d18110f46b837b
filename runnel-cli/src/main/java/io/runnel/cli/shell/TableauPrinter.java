package io.runnel.cli.shell;

import io.runnel.sql.data.Row;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Rows as lines of a bordered table printed as they come, as Flink's 'tableau' mode: nothing is redrawn and nothing
 * kept, so the widths are fixed up front from the column types (a longer value is cut).
 */
final class TableauPrinter {
    private final CellFormat format;
    private final Grid grid;

    TableauPrinter(CellFormat format, int[] valueWidths) {
        this.format = format;
        String[] header = ChangelogView.header(format);
        int[] w = new int[header.length];
        w[0] = 2;
        for (int i = 1; i < w.length; i++) {
            w[i] = Math.max(header[i].length(), valueWidths[i - 1]);
        }
        this.grid = new Grid(w);
    }

    static TableauPrinter of(RelDataType rowType) {
        List<RelDataTypeField> fields = rowType.getFieldList();
        int[] widths = new int[fields.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(fields.get(i).getType());
        }
        return new TableauPrinter(CellFormat.of(rowType), widths);
    }

    /** The border, the column names and the border again. */
    List<String> header() {
        return List.of(grid.border(), grid.row(ChangelogView.header(format)), grid.border());
    }

    String line(Row row) {
        return grid.row(ChangelogView.withKind(row.kind().shortString(), format.cells(row.fields())));
    }

    String footer() {
        return grid.border();
    }

    /** How wide a column of this type's values usually is. */
    static int width(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> 6;
            case TINYINT -> 4;
            case SMALLINT -> 6;
            case INTEGER -> 11;
            case BIGINT -> 20;
            case DECIMAL -> Math.min(Grid.MAX_WIDTH, type.getPrecision() + 2);
            case CHAR, VARCHAR -> Math.max(6, Math.min(type.getPrecision() < 0 ? 20 : type.getPrecision(), 20));
            case DATE -> 10;
            case TIME, TIME_WITH_LOCAL_TIME_ZONE -> 12;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 23;
            default -> 20;
        };
    }
}
