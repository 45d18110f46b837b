package io.runnel.broker.txn;

import io.runnel.log.LogSlice;
import io.runnel.log.PartitionLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable transaction state in {@code __transaction_state} (one partition, fsync per write): every
 * state change of a transactional id is appended ({@link TxnRecordDescriptor}) before the change is
 * acknowledged; on start the latest record per id is replayed. The topic is compacted by the log
 * cleaner, which keeps the latest record per id (replay reads across the offset gaps it leaves).
 */
final class TransactionLog {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionLog.class);
    private final PartitionLog log;

    TransactionLog(PartitionLog log) {
        this.log = log;
    }

    Map<String, TxnMetadata> replay() {
        Map<String, TxnMetadata> states = new HashMap<>();
        long offset = log.logStartOffset();
        while (offset < log.logEndOffset()) {
            LogSlice slice = log.read(offset, 1 << 20);
            long next = offset;
            for (RecordBatch batch : MemoryRecords.readableRecords(slice.readFully()).batches()) {
                for (Record r : batch) {
                    if (r.offset() >= offset && r.hasValue()) {
                        try {
                            String id = TxnRecordDescriptor.readKey(r.key());
                            states.put(id, TxnRecordDescriptor.readValue(id, r.value()));
                        } catch (RuntimeException e) {
                            LOG.warn("Skipping undecodable record at offset {} of {}: {}", r.offset(), log,
                                    e.toString());
                        }
                    }
                }
                next = batch.lastOffset() + 1;
            }
            if (next == offset) {
                break;
            }
            offset = next;
        }
        LOG.info("Loaded {} transactional ids from {}", states.size(), log);
        return states;
    }

    void write(TxnMetadata m, Collection<TxnMetadata> all) {
        append(List.of(record(m)));
    }

    private static SimpleRecord record(TxnMetadata m) {
        return new SimpleRecord(System.currentTimeMillis(), TxnRecordDescriptor.key(m.transactionalId),
                TxnRecordDescriptor.value(m));
    }

    private void append(List<SimpleRecord> records) {
        for (int i = 0; i < records.size(); i += 1000) {
            List<SimpleRecord> chunk = records.subList(i, Math.min(records.size(), i + 1000));
            log.append(MemoryRecords.withRecords(Compression.NONE, chunk.toArray(new SimpleRecord[0])).buffer());
        }
    }
}
