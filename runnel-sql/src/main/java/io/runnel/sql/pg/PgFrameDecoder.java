package io.runnel.sql.pg;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into {@link PgMessage}s: until the startup message is through, packets are a length and a body
 * (SSLRequest, GSSENCRequest, CancelRequest, StartupMessage); after it, a type byte, a length and a body. A length
 * beyond the limit is refused before any of it is buffered.
 */
final class PgFrameDecoder extends ByteToMessageDecoder {
    private final int maxMessageBytes;
    private boolean started;

    PgFrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int header = started ? 5 : 4;
        if (in.readableBytes() < header) {
            return;
        }
        int at = in.readerIndex();
        char type = started ? (char) (in.getByte(at) & 0xff) : 0;
        int length = in.getInt(at + header - 4);
        if (length < 4 || length - 4 > maxMessageBytes) {
            in.skipBytes(in.readableBytes());
            throw new PgError("08P01", "invalid message length " + length + " (at most " + maxMessageBytes + " bytes)", true);
        }
        if (in.readableBytes() < header + length - 4) {
            return;
        }
        in.skipBytes(header);
        byte[] body = new byte[length - 4];
        in.readBytes(body);
        if (!started && body.length >= 4) {
            int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
            started = code >> 16 == 3; // a StartupMessage (protocol 3.x); SSL, GSSENC and cancel requests are 1234.x
        }
        out.add(new PgMessage(type, body));
    }
}
