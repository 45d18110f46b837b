package io.runnel.broker;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.network.Send;
import org.apache.kafka.common.network.TransferableChannel;

/**
 * Turns a kafka-clients {@link Send} (a serialised response) into Netty writes: byte buffers are
 * wrapped without copying, file ranges become {@link FileRegion}s sent with {@code transferTo}.
 * Collects everything first (a Send is written to completion into memory references), then writes
 * in order. Not thread-safe; one per response.
 */
final class NettyOutput implements TransferableChannel {
    private final List<Object> parts = new ArrayList<>();

    /** Serialises the whole send into parts; returns this. */
    NettyOutput collect(Send send) throws IOException {
        while (!send.completed()) {
            send.writeTo(this);
        }
        return this;
    }

    /** Writes the collected parts to the channel, flushing once. */
    void writeTo(ChannelHandlerContext ctx) {
        for (int i = 0; i < parts.size() - 1; i++) {
            ctx.write(parts.get(i), ctx.voidPromise());
        }
        ChannelPromise last = ctx.newPromise();
        ctx.writeAndFlush(parts.get(parts.size() - 1), last);
    }

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        if (n > 0) {
            parts.add(Unpooled.wrappedBuffer(src.slice()));
            src.position(src.limit());
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs) {
        return write(srcs, 0, srcs.length);
    }

    @Override
    public long transferFrom(FileChannel fileChannel, long position, long count) {
        parts.add(new SegmentRegion(fileChannel, position, count));
        return count;
    }

    @Override
    public boolean hasPendingWrites() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        // nothing to release: parts are handed to Netty
    }

    /** A file range of a segment. Unlike Netty's DefaultFileRegion, releasing it does not close the file. */
    private static final class SegmentRegion extends AbstractReferenceCounted implements FileRegion {
        private final FileChannel file;
        private final long position;
        private final long count;
        private long transferred;

        SegmentRegion(FileChannel file, long position, long count) {
            this.file = file;
            this.position = position;
            this.count = count;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        @Deprecated
        public long transfered() {
            return transferred;
        }

        @Override
        public long transferred() {
            return transferred;
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public long transferTo(WritableByteChannel target, long at) throws IOException {
            long n = file.transferTo(position + at, count - at, target);
            if (n > 0) {
                transferred += n;
            } else if (n == 0 && position + at >= file.size()) {
                throw new IOException("segment file shrank under a fetch (deleted by retention?)");
            }
            return n;
        }

        @Override
        protected void deallocate() {
            // the segment owns the file channel
        }

        @Override
        public FileRegion retain() {
            super.retain();
            return this;
        }

        @Override
        public FileRegion retain(int increment) {
            super.retain(increment);
            return this;
        }

        @Override
        public FileRegion touch() {
            return this;
        }

        @Override
        public FileRegion touch(Object hint) {
            return this;
        }
    }
}
