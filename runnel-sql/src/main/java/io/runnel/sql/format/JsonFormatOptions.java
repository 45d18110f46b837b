package io.runnel.sql.format;

import java.io.Serializable;

/**
 * The {@code json.*} options (Flink's names): {@code fail-on-missing-field}, {@code ignore-parse-errors}
 * (the two exclude each other), {@code timestamp-format.standard} ({@code SQL} or {@code ISO-8601}),
 * {@code encode.decimal-as-plain-number}, {@code encode.ignore-null-fields}.
 */
public record JsonFormatOptions(boolean failOnMissingField, boolean ignoreParseErrors, TimestampStandard timestamps,
                                boolean decimalAsPlainNumber, boolean ignoreNullFields) implements Serializable {
    public static final JsonFormatOptions DEFAULTS = new JsonFormatOptions(false, false, TimestampStandard.SQL, false, false);
}
