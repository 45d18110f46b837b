package io.runnel.broker.group;

import io.runnel.log.LogSlice;
import io.runnel.log.PartitionLog;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed offsets, durable in one partition of {@code __consumer_offsets} (created with
 * {@code flush.messages=1}, so a commit is answered only after fsync). The full state is rebuilt
 * by replaying that partition on start (across the offset gaps compaction leaves; a tombstone
 * deletes). The topic is compacted by the log cleaner, which keeps the latest record per group,
 * topic and partition, and drops tombstones after {@code delete.retention.ms}.
 */
public final class OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetStore.class);
    private static final int MAX_RECORDS_PER_BATCH = 1000;

    private final PartitionLog log;
    private final Map<String, Map<TopicPartitionKey, CommittedOffset>> groups = new ConcurrentHashMap<>();

    /** A topic partition inside one group's offsets. */
    public record TopicPartitionKey(String topic, int partition) {
    }

    public OffsetStore(PartitionLog log) {
        this.log = log;
        replay();
    }

    private void replay() {
        long offset = log.logStartOffset();
        int records = 0;
        while (offset < log.logEndOffset()) {
            LogSlice slice = log.read(offset, 1 << 20);
            long next = offset;
            for (RecordBatch batch : MemoryRecords.readableRecords(slice.readFully()).batches()) {
                for (Record r : batch) {
                    if (r.offset() >= offset) {
                        try {
                            apply(r);
                            records++;
                        } catch (RuntimeException e) {
                            LOG.warn("Skipping undecodable record at offset {} of {}: {}", r.offset(), log, e.toString());
                        }
                    }
                }
                next = batch.lastOffset() + 1;
            }
            if (next == offset) {
                break; // nothing decodable: a partial batch larger than the read
            }
            offset = next;
        }
        LOG.info("Loaded committed offsets of {} groups from {} records of {}", groups.size(), records, log);
    }

    private void apply(Record r) {
        OffsetKey key = OffsetRecordDescriptor.readKey(r.key());
        Map<TopicPartitionKey, CommittedOffset> g = groups.computeIfAbsent(key.group(), k -> new ConcurrentHashMap<>());
        TopicPartitionKey tp = new TopicPartitionKey(key.topic(), key.partition());
        if (r.hasValue()) {
            g.put(tp, OffsetRecordDescriptor.readValue(r.value()));
        } else {
            g.remove(tp);
            if (g.isEmpty()) {
                groups.remove(key.group());
            }
        }
    }

    /** Writes the commits durably, then makes them visible. */
    public synchronized void commit(String group, Map<TopicPartitionKey, CommittedOffset> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        List<SimpleRecord> records = new ArrayList<>();
        long now = System.currentTimeMillis();
        offsets.forEach((tp, c) -> records.add(new SimpleRecord(now,
                OffsetRecordDescriptor.key(new OffsetKey(group, tp.topic(), tp.partition())),
                OffsetRecordDescriptor.value(c))));
        append(records);
        groups.computeIfAbsent(group, k -> new ConcurrentHashMap<>()).putAll(offsets);
    }

    private void append(List<SimpleRecord> records) {
        for (int i = 0; i < records.size(); i += MAX_RECORDS_PER_BATCH) {
            List<SimpleRecord> chunk = records.subList(i, Math.min(records.size(), i + MAX_RECORDS_PER_BATCH));
            MemoryRecords batch = MemoryRecords.withRecords(Compression.NONE, chunk.toArray(new SimpleRecord[0]));
            ByteBuffer buf = batch.buffer();
            log.append(buf);
        }
    }

    /** Deletes committed offsets durably (tombstones); an empty group entry is dropped. */
    public synchronized void delete(String group, java.util.Collection<TopicPartitionKey> keys) {
        Map<TopicPartitionKey, CommittedOffset> g = groups.get(group);
        if (g == null || keys.isEmpty()) {
            return;
        }
        List<SimpleRecord> tombstones = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (TopicPartitionKey k : keys) {
            tombstones.add(new SimpleRecord(now, OffsetRecordDescriptor.key(new OffsetKey(group, k.topic(),
                    k.partition())), null));
        }
        append(tombstones);
        keys.forEach(g::remove);
        if (g.isEmpty()) {
            groups.remove(group);
        }
    }

    /**
     * Deletes (with tombstones) the offsets of groups {@code isActive} says have no members, when
     * they were committed more than {@code retentionMs} ago ({@code offsets.retention.minutes}).
     *
     * @return the number of offsets removed
     */
    public synchronized int expire(long nowMs, long retentionMs, java.util.function.Predicate<String> isActive) {
        int removed = 0;
        for (String group : new ArrayList<>(groups.keySet())) {
            if (isActive.test(group)) {
                continue;
            }
            List<TopicPartitionKey> old = new ArrayList<>();
            offsets(group).forEach((tp, c) -> {
                if (nowMs - c.commitTimestamp() > retentionMs) {
                    old.add(tp);
                }
            });
            delete(group, old);
            removed += old.size();
        }
        if (removed > 0) {
            LOG.info("Expired {} committed offsets older than {} ms", removed, retentionMs);
        }
        return removed;
    }

    /** The group's committed offsets (empty map if none). */
    public Map<TopicPartitionKey, CommittedOffset> offsets(String group) {
        Map<TopicPartitionKey, CommittedOffset> g = groups.get(group);
        return g == null ? Map.of() : g;
    }

    public Set<String> groupIds() {
        return groups.keySet();
    }
}
