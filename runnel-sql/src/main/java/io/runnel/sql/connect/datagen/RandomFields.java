package io.runnel.sql.connect.datagen;

import io.runnel.sql.connect.ConnectorOptions;
import io.runnel.sql.format.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Random columns ({@code 'fields.#.kind' = 'random'}, the default), per type as Flink's datagen makes
 * them: numbers uniform in [min, max] (default the type's range), strings and bytes of
 * {@code length} (default 100, or random up to it with {@code var-len}) in hex digits, timestamps
 * up to {@code max-past} before now, collections of {@code length} random elements.
 */
final class RandomFields {
    private static final int DEFAULT_LENGTH = 100;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long DAY_MILLIS = 86_400_000L;

    private RandomFields() {}

    static FieldGenerator of(FieldType type, FieldOptions o, long salt, ConnectorOptions options) {
        checkApplies(type, o, options);
        FieldGenerator g = values(type, o, salt, options);
        if (o.nullRate() > 0 && !type.nullable()) {
            throw options.error("'fields." + o.column() + ".null-rate' is set but column " + o.column() + " is NOT NULL");
        }
        if (o.nullRate() <= 0) {
            return g;
        }
        double rate = o.nullRate();
        return (row, now) -> Mix.unit(Mix.draw(salt, row, 0)) < rate ? null : g.value(row, now);
    }

    private static FieldGenerator values(FieldType type, FieldOptions o, long salt, ConnectorOptions options) {
        boolean bounded = o.min() != null || o.max() != null;
        switch (type.name()) {
            case BOOLEAN -> {
                noBounds(type, o, options);
                return (row, now) -> (Mix.draw(salt, row, 1) & 1) == 1;
            }
            case TINYINT -> {
                long[] b = integralBounds(type, o, Byte.MIN_VALUE, Byte.MAX_VALUE, options);
                return (row, now) -> (byte) between(Mix.draw(salt, row, 1), b[0], b[1]);
            }
            case SMALLINT -> {
                long[] b = integralBounds(type, o, Short.MIN_VALUE, Short.MAX_VALUE, options);
                return (row, now) -> (short) between(Mix.draw(salt, row, 1), b[0], b[1]);
            }
            case INTEGER -> {
                long[] b = integralBounds(type, o, Integer.MIN_VALUE, Integer.MAX_VALUE, options);
                return (row, now) -> (int) between(Mix.draw(salt, row, 1), b[0], b[1]);
            }
            case BIGINT -> {
                long[] b = integralBounds(type, o, Long.MIN_VALUE, Long.MAX_VALUE, options);
                return (row, now) -> between(Mix.draw(salt, row, 1), b[0], b[1]);
            }
            case FLOAT, REAL -> {
                double[] b = realBounds(type, o, -Float.MAX_VALUE, Float.MAX_VALUE, options);
                return (row, now) -> (float) uniform(Mix.draw(salt, row, 1), b[0], b[1]);
            }
            case DOUBLE -> {
                double[] b = realBounds(type, o, -Double.MAX_VALUE, Double.MAX_VALUE, options);
                return (row, now) -> uniform(Mix.draw(salt, row, 1), b[0], b[1]);
            }
            case DECIMAL -> {
                double limit = Math.pow(10, type.precision() - type.scale()) - Math.pow(10, -type.scale());
                double[] b = realBounds(type, o, -limit, limit, options);
                int scale = type.scale();
                BigDecimal lo = BigDecimal.valueOf(b[0]).setScale(scale, RoundingMode.CEILING);
                BigDecimal hi = BigDecimal.valueOf(b[1]).setScale(scale, RoundingMode.FLOOR);
                return (row, now) -> {
                    BigDecimal v = BigDecimal.valueOf(uniform(Mix.draw(salt, row, 1), b[0], b[1])).setScale(scale, RoundingMode.HALF_UP);
                    return v.compareTo(lo) < 0 ? lo : v.compareTo(hi) > 0 ? hi : v;
                };
            }
            case CHAR, VARCHAR -> {
                noBounds(type, o, options);
                int length = length(type, o, options);
                boolean fixed = type.name() == org.apache.calcite.sql.type.SqlTypeName.CHAR || !o.varLen();
                return (row, now) -> hex(salt, row, fixed ? length : variable(salt, row, length));
            }
            case BINARY, VARBINARY -> {
                noBounds(type, o, options);
                int length = length(type, o, options);
                boolean fixed = type.name() == org.apache.calcite.sql.type.SqlTypeName.BINARY || !o.varLen();
                return (row, now) -> bytes(salt, row, fixed ? length : variable(salt, row, length));
            }
            case DATE -> {
                if (bounded) throw notFor(type, o, "min/max", options);
                long pastDays = o.maxPastMillis() / DAY_MILLIS;
                return (row, now) -> (int) (Math.floorDiv(now, DAY_MILLIS) - between(Mix.draw(salt, row, 1), 0, pastDays));
            }
            case TIME -> {
                if (bounded) throw notFor(type, o, "min/max", options);
                return (row, now) -> (int) between(Mix.draw(salt, row, 1), 0, DAY_MILLIS - 1);
            }
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
                if (bounded) throw notFor(type, o, "min/max", options);
                long past = o.maxPastMillis();
                return (row, now) -> now - between(Mix.draw(salt, row, 1), 0, past);
            }
            case ARRAY, MULTISET -> {
                noBounds(type, o, options);
                int n = o.lengthOr(DEFAULT_LENGTH);
                FieldGenerator element = values(type.children().get(0), FieldOptions.defaults(o.column() + "[]"), Mix.salt(salt, 0), options);
                return (row, now) -> {
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) list.add(element.value(row * n + i, now));
                    return list;
                };
            }
            case MAP -> {
                noBounds(type, o, options);
                int n = o.lengthOr(DEFAULT_LENGTH);
                FieldGenerator key = values(type.children().get(0), FieldOptions.defaults(o.column() + " key"), Mix.salt(salt, 0), options);
                FieldGenerator value = values(type.children().get(1), FieldOptions.defaults(o.column() + " value"), Mix.salt(salt, 1), options);
                return (row, now) -> {
                    Map<Object, Object> map = new HashMap<>();
                    for (int i = 0; i < n; i++) map.put(key.value(row * n + i, now), value.value(row * n + i, now));
                    return map;
                };
            }
            case ROW -> {
                noBounds(type, o, options);
                List<FieldType> children = type.children();
                FieldGenerator[] fields = new FieldGenerator[children.size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = values(children.get(i), FieldOptions.defaults(o.column() + "." + type.names().get(i)), Mix.salt(salt, i), options);
                }
                return (row, now) -> {
                    Object[] v = new Object[fields.length];
                    for (int i = 0; i < v.length; i++) v[i] = fields[i].value(row, now);
                    return v;
                };
            }
            default -> throw options.error("column " + o.column() + ": datagen cannot make values of type " + type);
        }
    }

    /** A value in [lo, hi] from a draw; exact over the whole long range. */
    static long between(long draw, long lo, long hi) {
        long span = hi - lo + 1; // unsigned; 0 means the full 2^64 range
        return span == 0 ? draw : lo + Long.remainderUnsigned(draw, span);
    }

    private static double uniform(long draw, double lo, double hi) {
        double u = Mix.unit(draw);
        // lo*(1-u) + hi*u cannot overflow where lo + u*(hi-lo) would for the type's full range
        return lo * (1 - u) + hi * u;
    }

    private static int variable(long salt, long row, int length) {
        return length == 0 ? 0 : 1 + (int) between(Mix.draw(salt, row, 2), 0, length - 1);
    }

    private static String hex(long salt, long row, int length) {
        char[] c = new char[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if ((i & 15) == 0) bits = Mix.draw(salt, row, 3 + (i >>> 4));
            c[i] = HEX[(int) (bits & 15)];
            bits >>>= 4;
        }
        return new String(c);
    }

    private static byte[] bytes(long salt, long row, int length) {
        byte[] b = new byte[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if ((i & 7) == 0) bits = Mix.draw(salt, row, 3 + (i >>> 3));
            b[i] = (byte) bits;
            bits >>>= 8;
        }
        return b;
    }

    private static int length(FieldType type, FieldOptions o, ConnectorOptions options) {
        boolean fixedType = type.name() == org.apache.calcite.sql.type.SqlTypeName.CHAR
                || type.name() == org.apache.calcite.sql.type.SqlTypeName.BINARY;
        int declared = type.precision() > 0 && type.precision() < Integer.MAX_VALUE / 2 ? type.precision() : -1;
        if (fixedType) {
            if (o.length() != null && o.length() != declared) {
                throw options.error("'fields." + o.column() + ".length' = " + o.length() + " but column " + o.column() + " is " + type);
            }
            return declared;
        }
        int length = o.lengthOr(declared > 0 ? Math.min(declared, DEFAULT_LENGTH) : DEFAULT_LENGTH);
        if (declared > 0 && length > declared) {
            throw options.error("'fields." + o.column() + ".length' = " + length + " is longer than column " + o.column() + "'s type " + type);
        }
        return length;
    }

    private static long[] integralBounds(FieldType type, FieldOptions o, long typeMin, long typeMax, ConnectorOptions options) {
        long min = o.min() == null ? typeMin : integral(o, "min", o.min(), options);
        long max = o.max() == null ? typeMax : integral(o, "max", o.max(), options);
        if (min < typeMin || max > typeMax) {
            throw options.error("column " + o.column() + ": min/max " + min + ".." + max + " lie outside " + type + " (" + typeMin + ".." + typeMax + ")");
        }
        if (min > max) {
            throw options.error("column " + o.column() + ": 'fields." + o.column() + ".min' = " + min + " is above max = " + max);
        }
        return new long[] {min, max};
    }

    private static long integral(FieldOptions o, String which, String text, ConnectorOptions options) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw options.error("'fields." + o.column() + "." + which + "' = '" + text + "' is not a whole number");
        }
    }

    private static double[] realBounds(FieldType type, FieldOptions o, double typeMin, double typeMax, ConnectorOptions options) {
        double min = o.min() == null ? typeMin : real(o, "min", o.min(), options);
        double max = o.max() == null ? typeMax : real(o, "max", o.max(), options);
        if (min < typeMin || max > typeMax) {
            throw options.error("column " + o.column() + ": min/max " + min + ".." + max + " lie outside " + type);
        }
        if (min > max) {
            throw options.error("column " + o.column() + ": 'fields." + o.column() + ".min' = " + min + " is above max = " + max);
        }
        return new double[] {min, max};
    }

    private static double real(FieldOptions o, String which, String text, ConnectorOptions options) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw options.error("'fields." + o.column() + "." + which + "' = '" + text + "' is not a number");
        }
    }

    /** Options meant for other types are errors, not silently ignored. */
    private static void checkApplies(FieldType type, FieldOptions o, ConnectorOptions options) {
        boolean sized = switch (type.name()) {
            case CHAR, VARCHAR, BINARY, VARBINARY, ARRAY, MULTISET, MAP -> true;
            default -> false;
        };
        if (o.length() != null && !sized) throw notFor(type, o, "'length'", options);
        if (o.varLen() && type.name() != org.apache.calcite.sql.type.SqlTypeName.VARCHAR
                && type.name() != org.apache.calcite.sql.type.SqlTypeName.VARBINARY) {
            throw notFor(type, o, "'var-len'", options);
        }
        boolean past = switch (type.name()) {
            case DATE, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
            default -> false;
        };
        if (o.maxPastMillis() > 0 && !past) throw notFor(type, o, "'max-past'", options);
    }

    private static void noBounds(FieldType type, FieldOptions o, ConnectorOptions options) {
        if (o.min() != null || o.max() != null) throw notFor(type, o, "min/max", options);
    }

    private static IllegalArgumentException notFor(FieldType type, FieldOptions o, String what, ConnectorOptions options) {
        return options.error("column " + o.column() + ": " + what + " does not apply to type " + type);
    }
}
