package io.runnel.sql.pg;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Values in PostgreSQL's text and binary formats: results out (as the ad-hoc executor gives them) and bound
 * parameters in. Binary dates and timestamps count from 2000-01-01 (integer datetimes), numerics are base-10000
 * digit groups, as PostgreSQL's send and receive functions define them.
 */
final class PgValues {
    private static final LocalDateTime EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final LocalDate EPOCH_DATE = LocalDate.of(2000, 1, 1);
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd().toFormatter();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd ")
            .append(TIME).toFormatter();
    private static final DateTimeFormatter TIMESTAMP_IN = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().append(TIME).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter();

    private PgValues() {}

    static byte[] text(Object v) {
        String s;
        if (v instanceof Boolean b) {
            s = b ? "t" : "f";
        } else if (v instanceof BigDecimal d) {
            s = d.toPlainString();
        } else if (v instanceof Double d) {
            s = d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
        } else if (v instanceof Float f) {
            s = f.isInfinite() ? (f > 0 ? "Infinity" : "-Infinity") : f.toString();
        } else if (v instanceof LocalDateTime t) {
            s = TIMESTAMP.format(t);
        } else if (v instanceof Instant i) {
            s = TIMESTAMP.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "+00";
        } else if (v instanceof LocalTime t) {
            s = TIME.format(t);
        } else if (v instanceof byte[] b) {
            s = "\\x" + HexFormat.of().formatHex(b);
        } else {
            s = v.toString();
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] binary(Object v, PgType type) {
        ByteBuffer b;
        switch (type) {
            case BOOL -> b = ByteBuffer.allocate(1).put((byte) (((Boolean) v) ? 1 : 0));
            case INT2 -> b = ByteBuffer.allocate(2).putShort(((Number) v).shortValue());
            case INT4 -> b = ByteBuffer.allocate(4).putInt(((Number) v).intValue());
            case INT8 -> b = ByteBuffer.allocate(8).putLong(((Number) v).longValue());
            case FLOAT4 -> b = ByteBuffer.allocate(4).putFloat(((Number) v).floatValue());
            case FLOAT8 -> b = ByteBuffer.allocate(8).putDouble(((Number) v).doubleValue());
            case DATE -> b = ByteBuffer.allocate(4).putInt((int) ChronoUnit.DAYS.between(EPOCH_DATE, (LocalDate) v));
            case TIME -> b = ByteBuffer.allocate(8).putLong(((LocalTime) v).toNanoOfDay() / 1000);
            case TIMESTAMP -> b = ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(EPOCH, (LocalDateTime) v));
            case TIMESTAMPTZ -> b = ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(EPOCH, LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC)));
            case NUMERIC -> {
                return numeric(v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
            }
            case BYTEA -> {
                return (byte[]) v;
            }
            default -> {
                return text(v);
            }
        }
        return b.array();
    }

    /** A numeric's binary form: digit count, weight of the first group, sign, display scale, then base-10000 groups. */
    static byte[] numeric(BigDecimal d) {
        int dscale = Math.max(d.scale(), 0);
        BigDecimal abs = d.abs().setScale(dscale);
        String plain = abs.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot + 1);
        if (whole.equals("0")) {
            whole = "";
        }
        whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
        frac = frac + "0".repeat((4 - frac.length() % 4) % 4);
        String all = whole + frac;
        int groups = all.length() / 4;
        short[] digits = new short[groups];
        for (int i = 0; i < groups; i++) {
            digits[i] = Short.parseShort(all.substring(4 * i, 4 * i + 4));
        }
        int weight = whole.length() / 4 - 1;
        int first = 0;
        while (first < groups && digits[first] == 0) {
            first++;
            weight--;
        }
        int last = groups;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int n = last - first;
        if (n == 0) {
            weight = 0;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 2 * n);
        b.putShort((short) n).putShort((short) weight).putShort((short) (d.signum() < 0 ? 0x4000 : 0)).putShort((short) dscale);
        for (int i = first; i < last; i++) {
            b.putShort(digits[i]);
        }
        return b.array();
    }

    /** A bound parameter as the ad-hoc executor takes it; {@code type} null: unspecified, kept as text. */
    static Object parameter(byte[] value, boolean binary, PgType type) {
        if (value == null) {
            return null;
        }
        if (binary) {
            ByteBuffer b = ByteBuffer.wrap(value);
            if (type == null) {
                throw new PgError("08P01", "a binary parameter of unspecified type");
            }
            try {
                return switch (type) {
                    case BOOL -> b.get() != 0;
                    case INT2 -> (int) b.getShort();
                    case INT4 -> b.getInt();
                    case INT8 -> b.getLong();
                    case FLOAT4 -> (double) b.getFloat();
                    case FLOAT8 -> b.getDouble();
                    case DATE -> java.sql.Date.valueOf(EPOCH_DATE.plusDays(b.getInt()));
                    case TIMESTAMP, TIMESTAMPTZ -> java.sql.Timestamp.valueOf(EPOCH.plus(b.getLong(), ChronoUnit.MICROS));
                    case NUMERIC -> numericFrom(b);
                    case BYTEA -> value;
                    default -> new String(value, StandardCharsets.UTF_8);
                };
            } catch (java.nio.BufferUnderflowException e) {
                throw new PgError("08P01", "a binary " + type.name().toLowerCase() + " parameter of " + value.length + " bytes");
            }
        }
        String s = new String(value, StandardCharsets.UTF_8);
        if (type == null) {
            return s;
        }
        try {
            return switch (type) {
                case BOOL -> s.startsWith("t") || s.startsWith("T") || s.equals("1") || s.equalsIgnoreCase("on") || s.equalsIgnoreCase("yes");
                case INT2, INT4 -> Integer.parseInt(s.trim());
                case INT8 -> Long.parseLong(s.trim());
                case FLOAT4, FLOAT8 -> Double.parseDouble(s.trim());
                case NUMERIC -> new BigDecimal(s.trim());
                case DATE -> java.sql.Date.valueOf(LocalDate.parse(s.trim()));
                case TIMESTAMP, TIMESTAMPTZ -> java.sql.Timestamp.valueOf(LocalDateTime.parse(strip(s.trim()), TIMESTAMP_IN));
                case BYTEA -> s.startsWith("\\x") ? HexFormat.of().parseHex(s.substring(2)) : value;
                default -> s;
            };
        } catch (RuntimeException e) {
            throw new PgError("22P02", "invalid input syntax for type " + type.name().toLowerCase() + ": \"" + s + "\"");
        }
    }

    /** A timestamp's text without a trailing zone offset ("+00", "Z"): values are UTC. */
    private static String strip(String s) {
        if (s.endsWith("Z")) {
            return s.substring(0, s.length() - 1);
        }
        int plus = Math.max(s.lastIndexOf('+'), s.length() > 10 ? s.lastIndexOf('-') : -1);
        return plus > 10 ? s.substring(0, plus) : s;
    }

    private static BigDecimal numericFrom(ByteBuffer b) {
        int n = b.getShort();
        int weight = b.getShort();
        int sign = b.getShort() & 0xffff;
        int dscale = b.getShort();
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            v = v.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(b.getShort()));
        }
        BigDecimal d = new BigDecimal(v).movePointRight(4 * (weight - n + 1));
        d = d.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
        return sign == 0x4000 ? d.negate() : d;
    }
}
