package io.runnel.sql.exec;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One aggregate call: COUNT (arg -1: COUNT(*)), SUM, MIN, MAX, AVG or APPROX_COUNT_DISTINCT over column {@code arg},
 * with the SQL type of its result, into which the accumulated value is converted. {@code distinct}: each value counts
 * once; {@code filterArg} (-1: none): the BOOLEAN column of its FILTER (WHERE ...), a row counts only where it is TRUE.
 */
public record AggSpec(Kind kind, int arg, SqlTypeName resultType, boolean distinct, int filterArg, UserAggregate user)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** USER: a user-defined aggregate function ({@code user}), its arguments its own. */
    public enum Kind { COUNT, SUM, SUM0, MIN, MAX, AVG, APPROX_COUNT_DISTINCT, USER }

    public AggSpec(Kind kind, int arg, SqlTypeName resultType, boolean distinct, int filterArg) {
        this(kind, arg, resultType, distinct, filterArg, null);
    }

    /** A call of a user-defined aggregate function. */
    public static AggSpec user(UserAggregate user, SqlTypeName resultType, int filterArg) {
        return new AggSpec(Kind.USER, -1, resultType, false, filterArg, user);
    }

    public AggSpec(Kind kind, int arg, SqlTypeName resultType) {
        this(kind, arg, resultType, false, -1);
    }

    boolean isExtreme() {
        return kind == Kind.MIN || kind == Kind.MAX;
    }

    /** Whether the call keeps a count per distinct value: to count each once, or to replace a retracted extreme. */
    boolean countsValues(boolean retracting) {
        return kind != Kind.APPROX_COUNT_DISTINCT && kind != Kind.USER && (distinct && !isExtreme() || retracting && isExtreme());
    }

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
