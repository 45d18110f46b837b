package io.runnel.connectors.kafka;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads its assigned partitions with one consumer (manual assignment, no group rebalancing, as
 * Flink's reader). Each call polls for at most a millisecond, so the worker thread is never held
 * for long.
 */
final class KafkaSourceReader<T> implements SourceReader<T, PartitionSplit> {
    /** poll(0) never completes a fetch in the classic consumer; 1 ms lets its network I/O run. */
    private static final Duration POLL = Duration.ofMillis(1);
    private final Properties properties;
    private final KafkaRecordDeserializer<T> deserializer;
    private final Emit emit = new Emit();
    private final boolean commitToGroup;
    private final Map<TopicPartition, PartitionSplit> splits = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<Long, Map<TopicPartition, OffsetAndMetadata>> pendingCommits = new LinkedHashMap<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private final java.util.Set<TopicPartition> finished = new java.util.HashSet<>();
    /** Splits announced to the output, so each holds the watermark from the start. */
    private final java.util.Set<TopicPartition> registered = new java.util.HashSet<>();

    KafkaSourceReader(Properties properties, KafkaRecordDeserializer<T> deserializer, boolean commitToGroup) {
        this.properties = properties;
        this.deserializer = deserializer;
        this.commitToGroup = commitToGroup;
    }

    @Override
    public void addSplits(List<PartitionSplit> added) {
        if (consumer == null) consumer = new KafkaConsumer<>(properties);
        for (PartitionSplit s : added) {
            TopicPartition tp = new TopicPartition(s.topic(), s.partition());
            splits.put(tp, s);
            positions.put(tp, s.offset());
        }
        consumer.assign(splits.keySet());
        for (PartitionSplit s : added) {
            TopicPartition tp = new TopicPartition(s.topic(), s.partition());
            consumer.seek(tp, s.offset());
            if (s.offset() >= s.stopOffset()) finish(tp, null);
        }
    }

    private boolean done(TopicPartition tp) {
        return positions.get(tp) >= splits.get(tp).stopOffset();
    }

    private void finish(TopicPartition tp, ReaderOutput<T> output) {
        if (!finished.add(tp)) return;
        consumer.pause(List.of(tp));
        if (output != null) output.releaseSplit(splits.get(tp).splitId());
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (consumer == null) return InputStatus.END_OF_INPUT;
        if (finished.size() == splits.size()) return InputStatus.END_OF_INPUT;
        for (Map.Entry<TopicPartition, PartitionSplit> e : splits.entrySet()) {
            if (registered.add(e.getKey()) && !finished.contains(e.getKey())) output.forSplit(e.getValue().splitId());
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (TopicPartition tp : records.partitions()) {
            if (done(tp)) continue;
            PartitionSplit split = splits.get(tp);
            ReaderOutput<T> out = output.forSplit(split.splitId());
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                if (r.offset() >= split.stopOffset()) break;
                emit.out = out;
                emit.timestamp = r.timestamp();
                deserializer.deserialize(r, emit);
                positions.put(tp, r.offset() + 1);
            }
        }
        // transaction markers and compacted gaps advance the position past the last record
        for (TopicPartition tp : splits.keySet()) {
            if (finished.contains(tp)) continue;
            if (!done(tp)) {
                long pos = consumer.position(tp, Duration.ZERO);
                if (pos > positions.get(tp)) positions.put(tp, pos);
            }
            if (done(tp)) finish(tp, output);
        }
        if (finished.size() == splits.size()) return InputStatus.END_OF_INPUT;
        return records.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<PartitionSplit> snapshotState(long checkpointId) {
        List<PartitionSplit> out = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (Map.Entry<TopicPartition, PartitionSplit> e : splits.entrySet()) {
            long pos = positions.get(e.getKey());
            out.add(new PartitionSplit(e.getValue().topic(), e.getValue().partition(), pos, e.getValue().stopOffset()));
            commit.put(e.getKey(), new OffsetAndMetadata(pos));
        }
        if (commitToGroup) pendingCommits.put(checkpointId, commit);
        return out;
    }

    /** Committed offsets are for monitoring (lag); the checkpoint is what restores. */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map<TopicPartition, OffsetAndMetadata> commit = pendingCommits.remove(checkpointId);
        pendingCommits.keySet().removeIf(id -> id < checkpointId);
        if (commit != null && consumer != null) consumer.commitAsync(commit, null);
    }

    @Override
    public void close() {
        if (consumer != null) consumer.close(Duration.ofSeconds(5));
    }

    /** Hands a record's elements to the split's output with the record's timestamp; one per reader, reused. */
    private final class Emit implements java.util.function.Consumer<T> {
        ReaderOutput<T> out;
        long timestamp;

        @Override
        public void accept(T value) {
            out.collect(value, timestamp);
        }
    }
}
