package io.runnel.cli.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * A result's values as the text shown in a cell. Rows hold Calcite's internal values (a TIMESTAMP is epoch
 * milliseconds, a DATE days since 1970), so each column's conversion is chosen once from the row type.
 */
final class CellFormat {
    static final String NULL = "<NULL>";
    private final List<String> names;
    private final List<Function<Object, String>> columns;

    private CellFormat(List<String> names, List<Function<Object, String>> columns) {
        this.names = names;
        this.columns = columns;
    }

    static CellFormat of(RelDataType rowType) {
        return new CellFormat(List.copyOf(rowType.getFieldNames()),
                rowType.getFieldList().stream().map(RelDataTypeField::getType).map(CellFormat::column).toList());
    }

    /** Every column shown with {@link String#valueOf}; for tests and untyped results. */
    static CellFormat plain(List<String> names) {
        return new CellFormat(List.copyOf(names), names.stream().<Function<Object, String>>map(n -> String::valueOf).toList());
    }

    List<String> names() {
        return names;
    }

    /** The row's cells, one per column. */
    String[] cells(Object[] fields) {
        String[] out = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            out[i] = fields[i] == null ? NULL : columns.get(i).apply(fields[i]);
        }
        return out;
    }

    private static Function<Object, String> column(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    v -> LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) v).longValue()), ZoneOffset.UTC).toString();
            case DATE -> v -> LocalDate.ofEpochDay(((Number) v).longValue()).toString();
            case TIME, TIME_WITH_LOCAL_TIME_ZONE -> v -> LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L).toString();
            case BINARY, VARBINARY -> v -> "x'" + HexFormat.of().formatHex((byte[]) v) + "'";
            default -> v -> v instanceof Object[] nested ? Arrays.deepToString(nested) : String.valueOf(v);
        };
    }
}
