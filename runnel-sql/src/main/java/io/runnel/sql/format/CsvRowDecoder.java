package io.runnel.sql.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.runnel.sql.data.Row;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code 'format' = 'csv'}: each message or line one record of delimited fields, in column order.
 * A record with more or fewer fields than the table has columns is an error; an empty field of
 * a non-string column, or one equal to {@code csv.null-literal}, is null.
 */
public final class CsvRowDecoder extends SingleRowDecoder {
    private static final long serialVersionUID = 1L;
    static final CsvMapper MAPPER = new CsvMapper();
    private final List<FieldType> columns;
    private final List<String> names;
    private final CsvFormatOptions options;
    private transient ObjectReader reader;
    private transient Pattern elementSplit;

    public CsvRowDecoder(FieldType rowType, CsvFormatOptions options) {
        super("csv", options.ignoreParseErrors());
        this.columns = rowType.children();
        this.names = rowType.names();
        this.options = options;
    }

    @Override
    protected Row read(byte[] message) {
        return message == null ? null : read(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    protected Row read(String line) {
        if (line.isEmpty() || options.allowComments() && line.startsWith("#")) {
            return null;
        }
        if (reader == null) {
            reader = MAPPER.readerFor(String[].class).with(options.schema());
        }
        String[] texts;
        try {
            texts = reader.readValue(line);
        } catch (JsonProcessingException e) {
            throw new FormatException("malformed CSV: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new FormatException("cannot read the line: " + e.getMessage(), e);
        }
        if (texts.length != columns.size()) {
            throw new FormatException("the record has " + texts.length + " fields, the table " + columns.size() + " columns");
        }
        Object[] fields = new Object[texts.length];
        for (int i = 0; i < texts.length; i++) {
            try {
                fields[i] = value(columns.get(i), texts[i]);
            } catch (FormatException e) {
                throw new FormatException("field " + (i + 1) + " ('" + names.get(i) + "'): " + e.getMessage());
            }
        }
        return Row.insert(fields);
    }

    private Object value(FieldType type, String text) {
        if (text == null || text.equals(options.nullLiteral())) {
            return null;
        }
        boolean string = switch (type.name()) {
            case CHAR, VARCHAR -> true;
            default -> false;
        };
        if (text.isEmpty() && !string) {
            return null;
        }
        if (type.name() == org.apache.calcite.sql.type.SqlTypeName.ARRAY) {
            if (elementSplit == null) {
                elementSplit = Pattern.compile(Pattern.quote(options.arrayElementDelimiter()));
            }
            List<Object> out = new ArrayList<>();
            for (String e : elementSplit.split(text, -1)) {
                out.add(value(type.children().get(0), e));
            }
            return out;
        }
        return TextValues.parse(type, text);
    }
}
