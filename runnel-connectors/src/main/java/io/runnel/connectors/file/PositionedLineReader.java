package io.runnel.connectors.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines (ending in {@code \n} or {@code \r\n}) and counts the bytes consumed, so the
 * position after each line is exact. BufferedReader hides its position, hence this class.
 * A line that is not valid UTF-8 throws {@link CharacterCodingException}.
 */
final class PositionedLineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input by default
    private int pos;
    private int limit;
    private long offset;

    PositionedLineReader(InputStream in, long startOffset) {
        this.in = in;
        this.offset = startOffset;
    }

    /** The byte position of the next line. */
    long offset() {
        return offset;
    }

    /** The next line without its terminator, or null at end of file. */
    String readLine() throws IOException {
        line.reset();
        while (true) {
            if (pos == limit && !fill()) return line.size() == 0 ? null : finish();
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') pos++;
            line.write(buffer, start, pos - start);
            offset += pos - start;
            if (pos < limit) {
                pos++;
                offset++;
                return finish();
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) return false;
        pos = 0;
        limit = n;
        return true;
    }

    /** Strict decoding: invalid UTF-8 is an error, not silently replaced by U+FFFD. */
    private String finish() throws CharacterCodingException {
        byte[] bytes = line.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return utf8.decode(ByteBuffer.wrap(bytes, 0, len)).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
