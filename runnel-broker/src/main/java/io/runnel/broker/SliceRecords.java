package io.runnel.broker;

import io.runnel.log.LogSlice;
import java.io.IOException;
import org.apache.kafka.common.network.TransferableChannel;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.RecordsSend;

/**
 * Fetch-response records that stay in the segment file: serialising the response hands the file
 * range to the channel ({@link TransferableChannel#transferFrom}) instead of copying the bytes, so
 * Netty can send them with {@code FileChannel.transferTo} (sendfile).
 */
final class SliceRecords implements BaseRecords {
    private final LogSlice slice;

    SliceRecords(LogSlice slice) {
        this.slice = slice;
    }

    @Override
    public int sizeInBytes() {
        return slice.length();
    }

    @Override
    public RecordsSend<SliceRecords> toSend() {
        return new RecordsSend<>(this, slice.length()) {
            @Override
            protected int writeTo(TransferableChannel channel, int previouslyWritten, int remaining) throws IOException {
                return (int) channel.transferFrom(slice.channel(), slice.position() + previouslyWritten, remaining);
            }
        };
    }
}
