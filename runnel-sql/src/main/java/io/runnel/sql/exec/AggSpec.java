package io.runnel.sql.exec;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One aggregate call: COUNT (arg -1: COUNT(*)), SUM, MIN, MAX or AVG over column {@code arg},
 * with the SQL type of its result, into which the accumulated value is converted.
 */
public record AggSpec(Kind kind, int arg, SqlTypeName resultType) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public enum Kind { COUNT, SUM, SUM0, MIN, MAX, AVG }

    /** {@code sum} (Long, Double or BigDecimal) in the result type. */
    Object convert(Object sum) {
        if (sum == null) {
            return null;
        }
        return switch (resultType) {
            case TINYINT -> ((Number) sum).byteValue();
            case SMALLINT -> ((Number) sum).shortValue();
            case INTEGER -> ((Number) sum).intValue();
            case BIGINT -> ((Number) sum).longValue();
            case FLOAT, REAL -> ((Number) sum).floatValue();
            case DOUBLE -> ((Number) sum).doubleValue();
            case DECIMAL -> sum instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) sum).doubleValue());
            default -> sum;
        };
    }
}
