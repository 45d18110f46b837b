package io.runnel.sql.format;

import io.runnel.sql.data.Row;
import java.nio.charset.Charset;

/** {@code 'format' = 'raw'}: the whole message as the table's one column, a string (in {@code raw.charset}) or bytes. */
public final class RawRowDecoder extends SingleRowDecoder {
    private static final long serialVersionUID = 1L;
    private final boolean bytes;
    private final String charset;

    public RawRowDecoder(boolean bytes, String charset) {
        super("raw", false);
        this.bytes = bytes;
        this.charset = charset;
    }

    @Override
    protected Row read(byte[] message) {
        if (message == null) {
            return Row.insert((Object) null);
        }
        return Row.insert(bytes ? message : new String(message, Charset.forName(charset)));
    }

    @Override
    protected Row read(String line) {
        return Row.insert(bytes ? line.getBytes(Charset.forName(charset)) : line);
    }
}
