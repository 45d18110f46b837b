package io.runnel.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;

/** Keyed batches built with kafka-clients, and a reader of every record of a partition, for cleaner tests. */
final class KeyedBatches {
    /** A record as read back: offset, key, value (null for a tombstone). */
    record Rec(long offset, String key, String value, boolean control) {
    }

    private KeyedBatches() {
    }

    static SimpleRecord rec(long ts, String key, String value) {
        return new SimpleRecord(ts, bytes(key), value == null ? null : bytes(value));
    }

    static ByteBuffer batch(long ts, String key, String value) {
        return MemoryRecords.withRecords(Compression.NONE, rec(ts, key, value)).buffer();
    }

    static ByteBuffer compressed(long ts, String... keyValues) {
        SimpleRecord[] rs = new SimpleRecord[keyValues.length / 2];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = rec(ts, keyValues[2 * i], keyValues[2 * i + 1]);
        }
        return MemoryRecords.withRecords(Compression.gzip().build(), rs).buffer();
    }

    static ByteBuffer txnBatch(long producerId, short epoch, int seq, long ts, String key, String value) {
        return MemoryRecords.withTransactionalRecords(Compression.NONE, producerId, epoch, seq, rec(ts, key, value))
                .buffer();
    }

    static ByteBuffer marker(long producerId, short epoch, long ts, boolean commit) {
        return MemoryRecords.withEndTransactionMarker(ts, producerId, epoch,
                new EndTransactionMarker(commit ? ControlRecordType.COMMIT : ControlRecordType.ABORT, 0)).buffer();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every record from the log start to the end, in offset order. */
    static List<Rec> readAll(PartitionLog log) {
        List<Rec> out = new ArrayList<>();
        long offset = log.logStartOffset();
        while (offset < log.logEndOffset()) {
            LogSlice slice = log.read(offset, 1 << 20);
            if (slice.isEmpty()) {
                break;
            }
            long next = offset;
            for (RecordBatch b : MemoryRecords.readableRecords(slice.readFully()).batches()) {
                for (Record r : b) {
                    if (r.offset() >= offset) {
                        out.add(new Rec(r.offset(), r.hasKey() ? str(r.key()) : null,
                                r.hasValue() && !b.isControlBatch() ? str(r.value()) : null, b.isControlBatch()));
                    }
                }
                next = b.lastOffset() + 1;
            }
            offset = next;
        }
        return out;
    }

    /** The data records only (no control records). */
    static List<Rec> data(PartitionLog log) {
        return readAll(log).stream().filter(r -> !r.control()).toList();
    }

    private static String str(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return new String(a, StandardCharsets.UTF_8);
    }
}
