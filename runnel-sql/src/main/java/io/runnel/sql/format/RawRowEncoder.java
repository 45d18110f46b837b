package io.runnel.sql.format;

import io.runnel.sql.data.Row;
import java.nio.charset.Charset;

/** {@code 'format' = 'raw'}: the row's one column as the message; a null column is a null message (a Kafka tombstone). */
public final class RawRowEncoder implements RowEncoder {
    private static final long serialVersionUID = 1L;
    private final String charset;

    public RawRowEncoder(String charset) {
        this.charset = charset;
    }

    @Override
    public byte[] encode(Row row) {
        Object v = row.field(0);
        return v == null ? null : v instanceof byte[] b ? b : v.toString().getBytes(Charset.forName(charset));
    }

    @Override
    public String encodeText(Row row) {
        Object v = row.field(0);
        return v == null ? "" : v instanceof byte[] b ? new String(b, Charset.forName(charset)) : v.toString();
    }
}
