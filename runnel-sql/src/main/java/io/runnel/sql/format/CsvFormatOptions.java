package io.runnel.sql.format;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Serializable;

/**
 * The {@code csv.*} options (Flink's names): {@code field-delimiter} (default {@code ,}),
 * {@code quote-character} ({@code "}), {@code disable-quote-character}, {@code allow-comments}
 * (lines starting {@code #} are skipped), {@code ignore-parse-errors}, {@code array-element-delimiter}
 * ({@code ;}), {@code escape-character} (none), {@code null-literal} (none: an empty field of a
 * non-string column is null).
 */
public record CsvFormatOptions(char fieldDelimiter, Character quoteCharacter, boolean allowComments,
                               boolean ignoreParseErrors, String arrayElementDelimiter, Character escapeCharacter,
                               String nullLiteral) implements Serializable {

    /** The Jackson schema of one line of these options. */
    CsvSchema schema() {
        CsvSchema s = CsvSchema.emptySchema().withColumnSeparator(fieldDelimiter).withLineSeparator("")
                .withAllowComments(allowComments);
        s = quoteCharacter == null ? s.withoutQuoteChar() : s.withQuoteChar(quoteCharacter);
        s = escapeCharacter == null ? s.withoutEscapeChar() : s.withEscapeChar(escapeCharacter);
        return nullLiteral == null ? s : s.withNullValue(nullLiteral);
    }
}
