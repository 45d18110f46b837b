package io.runnel.sql.pg;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Backend messages written to one connection. Messages gather in a buffer that goes out when it grows past a size, at
 * {@link #flush}, and always after ReadyForQuery; a client that reads slowly makes the writer wait, so a large result
 * never piles up in memory.
 */
final class PgOut {
    private static final int FLUSH_BYTES = 64 * 1024;
    private final Channel channel;
    private ByteBuf buf;

    PgOut(Channel channel) {
        this.channel = channel;
        this.buf = channel.alloc().buffer(4096);
    }

    private int begin(char type) {
        buf.writeByte(type);
        int at = buf.writerIndex();
        buf.writeInt(0);
        return at;
    }

    private void end(int at) {
        buf.setInt(at, buf.writerIndex() - at);
        if (buf.readableBytes() >= FLUSH_BYTES) {
            flush();
        }
    }

    private void cstring(String s) {
        buf.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        buf.writeByte(0);
    }

    /** Sends what is buffered; waits while the connection cannot take more. */
    void flush() {
        if (buf.readableBytes() == 0) {
            return;
        }
        ByteBuf out = buf;
        buf = channel.alloc().buffer(4096);
        var written = channel.writeAndFlush(out);
        if (!channel.isWritable()) {
            written.awaitUninterruptibly();
        }
    }

    /** The single byte that answers an SSLRequest or GSSENCRequest: 'N', not supported. */
    void refuseEncryption() {
        buf.writeByte('N');
        flush();
    }

    void authenticationOk() {
        int at = begin('R');
        buf.writeInt(0);
        end(at);
    }

    void authenticationCleartext() {
        int at = begin('R');
        buf.writeInt(3);
        end(at);
        flush();
    }

    void authenticationMd5(byte[] salt) {
        int at = begin('R');
        buf.writeInt(5);
        buf.writeBytes(salt);
        end(at);
        flush();
    }

    /** AuthenticationSASL: the mechanisms offered. */
    void authenticationSasl(String mechanism) {
        int at = begin('R');
        buf.writeInt(10);
        cstring(mechanism);
        buf.writeByte(0);
        end(at);
        flush();
    }

    /** AuthenticationSASLContinue (11) or AuthenticationSASLFinal (12) with the server's message. */
    void authenticationSaslData(int code, String data) {
        int at = begin('R');
        buf.writeInt(code);
        buf.writeBytes(data.getBytes(StandardCharsets.UTF_8));
        end(at);
        flush();
    }

    void parameterStatus(String name, String value) {
        int at = begin('S');
        cstring(name);
        cstring(value);
        end(at);
    }

    void backendKeyData(int pid, int secret) {
        int at = begin('K');
        buf.writeInt(pid);
        buf.writeInt(secret);
        end(at);
    }

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed one. */
    void readyForQuery(char status) {
        int at = begin('Z');
        buf.writeByte(status);
        end(at);
        flush();
    }

    void rowDescription(List<PgColumn> columns, boolean[] binary) {
        int at = begin('T');
        buf.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            PgColumn c = columns.get(i);
            cstring(c.name());
            buf.writeInt(0); // not a column of a table
            buf.writeShort(0);
            buf.writeInt(c.type().oid);
            buf.writeShort(c.type().size);
            buf.writeInt(-1); // no type modifier
            buf.writeShort(binary[i] ? 1 : 0);
        }
        end(at);
    }

    void dataRow(Object[] values, List<PgColumn> columns, boolean[] binary) {
        int at = begin('D');
        buf.writeShort(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                buf.writeInt(-1);
                continue;
            }
            byte[] b = binary[i] ? PgValues.binary(values[i], columns.get(i).type()) : PgValues.text(values[i]);
            buf.writeInt(b.length);
            buf.writeBytes(b);
        }
        end(at);
    }

    void commandComplete(String tag) {
        int at = begin('C');
        cstring(tag);
        end(at);
    }

    /** CopyOutResponse: text format, {@code columns} columns. */
    void copyOutResponse(int columns) {
        int at = begin('H');
        buf.writeByte(0);
        buf.writeShort(columns);
        for (int i = 0; i < columns; i++) {
            buf.writeShort(0);
        }
        end(at);
        flush();
    }

    /** CopyData: one line of COPY's text format. */
    void copyData(byte[] line) {
        int at = begin('d');
        buf.writeBytes(line);
        end(at);
    }

    void copyDone() {
        end(begin('c'));
    }

    void emptyQueryResponse() {
        end(begin('I'));
    }

    void parseComplete() {
        end(begin('1'));
    }

    void bindComplete() {
        end(begin('2'));
    }

    void closeComplete() {
        end(begin('3'));
    }

    void noData() {
        end(begin('n'));
    }

    void portalSuspended() {
        end(begin('s'));
    }

    void parameterDescription(int[] oids) {
        int at = begin('t');
        buf.writeShort(oids.length);
        for (int oid : oids) {
            buf.writeInt(oid);
        }
        end(at);
    }

    void error(String severity, String sqlState, String message) {
        int at = begin('E');
        buf.writeByte('S');
        cstring(severity);
        buf.writeByte('V');
        cstring(severity);
        buf.writeByte('C');
        cstring(sqlState);
        buf.writeByte('M');
        cstring(message == null ? "internal error" : message);
        buf.writeByte(0);
        end(at);
        flush();
    }

    void notice(String message) {
        int at = begin('N');
        buf.writeByte('S');
        cstring("NOTICE");
        buf.writeByte('V');
        cstring("NOTICE");
        buf.writeByte('C');
        cstring("00000");
        buf.writeByte('M');
        cstring(message);
        buf.writeByte(0);
        end(at);
    }

    void release() {
        buf.release();
    }
}
