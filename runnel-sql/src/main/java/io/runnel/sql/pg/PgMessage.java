package io.runnel.sql.pg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One frontend message: its type byte (0 for the untyped startup-phase packets) and its body, read with the
 * protocol's primitives. A body that ends early is a protocol error.
 */
final class PgMessage {
    private final char type;
    private final ByteBuffer body;

    PgMessage(char type, byte[] body) {
        this.type = type;
        this.body = ByteBuffer.wrap(body);
    }

    char type() {
        return type;
    }

    int int32() {
        need(4);
        return body.getInt();
    }

    short int16() {
        need(2);
        return body.getShort();
    }

    byte int8() {
        need(1);
        return body.get();
    }

    byte[] bytes(int n) {
        need(n);
        byte[] b = new byte[n];
        body.get(b);
        return b;
    }

    /** A NUL-terminated UTF-8 string. */
    String cstring() {
        int start = body.position();
        for (int i = start; i < body.limit(); i++) {
            if (body.get(i) == 0) {
                String s = new String(body.array(), start, i - start, StandardCharsets.UTF_8);
                body.position(i + 1);
                return s;
            }
        }
        throw new PgError("08P01", "malformed message '" + type + "': a string is not terminated");
    }

    int remaining() {
        return body.remaining();
    }

    boolean hasRemaining() {
        return body.hasRemaining();
    }

    private void need(int n) {
        if (n < 0 || body.remaining() < n) {
            throw new PgError("08P01", "malformed message '" + (type == 0 ? "startup" : type) + "': it ends early");
        }
    }
}
