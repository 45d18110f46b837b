package io.runnel.broker;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.internals.CloseableIterator;

/**
 * What a topic's {@code message.timestamp.type} and {@code compression.type} ask of a produced
 * batch before it is appended, as Kafka's log validator does for magic v2. LogAppendTime stamps
 * the broker's clock into the batch header (kafka-clients recomputes the CRC); a target codec
 * other than {@code producer} that differs from the batch's own rebuilds the batch with that codec,
 * keeping offsets, producer id, epoch, sequence and the transactional flag. Otherwise the batch is
 * appended as sent, without a copy.
 *
 * @param logAppendTime whether the topic uses LogAppendTime
 * @param compression   the codec batches must be in, or null for {@code producer} (as sent)
 */
record AppendPolicy(boolean logAppendTime, CompressionType compression) {
    static final AppendPolicy AS_SENT = new AppendPolicy(false, null);
    static final Set<String> TIMESTAMP_TYPES = Set.of("CreateTime", "LogAppendTime");
    static final Set<String> COMPRESSION_TYPES = Set.of("producer", "uncompressed", "gzip", "snappy", "lz4", "zstd");

    /** The topic's policy from its overrides, else the broker's defaults (Kafka's names for both). */
    static AppendPolicy of(Map<String, String> overrides, BrokerConfig broker) {
        String timestamps = overrides.getOrDefault("message.timestamp.type", broker.get("log.message.timestamp.type"));
        String codec = overrides.getOrDefault("compression.type", broker.get("compression.type"));
        return new AppendPolicy("LogAppendTime".equals(timestamps), codec(codec));
    }

    /** The codec for a Kafka {@code compression.type} value; null for {@code producer}. */
    static CompressionType codec(String value) {
        return switch (value) {
            case "producer" -> null;
            case "uncompressed" -> CompressionType.NONE;
            default -> CompressionType.forName(value);
        };
    }

    /** The bytes to append for {@code batch} (a view of {@code bytes}): the same buffer, stamped, or a rebuilt batch. */
    ByteBuffer apply(MutableRecordBatch batch, ByteBuffer bytes, long nowMs) {
        if (compression != null && batch.compressionType() != compression) {
            return recompress(batch, nowMs);
        }
        if (logAppendTime) {
            batch.setMaxTimestamp(TimestampType.LOG_APPEND_TIME, nowMs); // rewrites attributes, timestamp and CRC
        }
        return bytes;
    }

    private ByteBuffer recompress(MutableRecordBatch batch, long nowMs) {
        TimestampType type = logAppendTime ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(ByteBuffer.allocate(Math.max(64, batch.sizeInBytes())),
                batch.magic(), Compression.of(compression).build(), type, batch.baseOffset(),
                logAppendTime ? nowMs : -1L, batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                batch.isTransactional(), false, batch.partitionLeaderEpoch(), Integer.MAX_VALUE);
        try (CloseableIterator<Record> records = batch.streamingIterator(
                org.apache.kafka.common.utils.internals.BufferSupplier.NO_CACHING)) {
            while (records.hasNext()) {
                Record r = records.next();
                builder.appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(), r.headers());
            }
        }
        return builder.build().buffer();
    }

    /** The response's logAppendTimeMs: the broker time used, or -1 for CreateTime topics. */
    long responseTime(long nowMs) {
        return logAppendTime ? nowMs : -1;
    }
}
