package io.runnel.broker;

import io.netty.buffer.ByteBuf;
import io.netty.channel.FileRegion;
import io.netty.channel.MessageSizeEstimator;

/**
 * Sizes outbound messages for Netty's write-buffer accounting. Netty's default counts a
 * {@link FileRegion} as 0 bytes, so zero-copy fetch responses would never make a channel
 * unwritable and a client that does not read could have any number queued.
 */
final class ResponseSizeEstimator implements MessageSizeEstimator {
    static final ResponseSizeEstimator INSTANCE = new ResponseSizeEstimator();
    private static final Handle HANDLE = msg -> {
        if (msg instanceof ByteBuf b) {
            return b.readableBytes();
        }
        if (msg instanceof FileRegion f) {
            return (int) Math.min(Integer.MAX_VALUE, f.count() - f.transferred());
        }
        return 0;
    };

    private ResponseSizeEstimator() {
    }

    @Override
    public Handle newHandle() {
        return HANDLE;
    }
}
