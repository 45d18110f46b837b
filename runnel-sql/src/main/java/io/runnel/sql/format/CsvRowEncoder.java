package io.runnel.sql.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.runnel.sql.data.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code 'format' = 'csv'}: a row as one line of delimited fields, quoted where needed, nulls as the null literal (or empty). */
public final class CsvRowEncoder implements RowEncoder {
    private static final long serialVersionUID = 1L;
    private final List<FieldType> columns;
    private final CsvFormatOptions options;
    private transient ObjectWriter writer;
    private transient String[] texts;

    public CsvRowEncoder(FieldType rowType, CsvFormatOptions options) {
        this.columns = rowType.children();
        this.options = options;
    }

    @Override
    public byte[] encode(Row row) {
        return encodeText(row).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String encodeText(Row row) {
        if (writer == null) {
            writer = CsvRowDecoder.MAPPER.writer(options.schema())
                    .with(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING); // quote only where needed, as Flink
            texts = new String[columns.size()];
        }
        Object[] fields = row.fields();
        for (int i = 0; i < texts.length; i++) {
            texts[i] = text(columns.get(i), fields[i]);
        }
        try {
            return writer.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new FormatException("cannot write a CSV line: " + e.getOriginalMessage());
        }
    }

    private String text(FieldType type, Object value) {
        if (value == null) {
            return options.nullLiteral() == null ? "" : options.nullLiteral();
        }
        if (type.name() == org.apache.calcite.sql.type.SqlTypeName.ARRAY) {
            StringBuilder sb = new StringBuilder();
            for (Object e : (List<?>) value) {
                if (sb.length() > 0) {
                    sb.append(options.arrayElementDelimiter());
                }
                sb.append(text(type.children().get(0), e));
            }
            return sb.toString();
        }
        return TextValues.format(type, value, TimestampStandard.SQL);
    }
}
