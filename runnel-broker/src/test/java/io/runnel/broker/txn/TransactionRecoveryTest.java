package io.runnel.broker.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.broker.BrokerConfig;
import io.runnel.broker.ProducerIdManager;
import io.runnel.broker.Topics;
import io.runnel.broker.group.CommittedOffset;
import io.runnel.broker.group.OffsetStore;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash after a durable PREPARE_COMMIT: on start the commit is finished, offsets included. */
class TransactionRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void preparedCommitIsCompletedWithItsOffsetsOnStart() {
        BrokerConfig config = BrokerConfig.of(Map.of("log.dirs", dir.toString()));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (LogManager logs = LogManager.open(dir, config.logConfig())) {
            Topic data = logs.createTopic("t", 1, Map.of());
            PartitionLog stateLog = logs.createTopic("__transaction_state", 1, Map.of()).partition(0);
            PartitionLog offsetsLog = logs.createTopic("__consumer_offsets", 1, Map.of()).partition(0);
            PartitionLog t0 = data.partition(0);
            t0.append(MemoryRecords.withTransactionalRecords(Compression.NONE, 5L, (short) 0, 0,
                    new SimpleRecord("v".getBytes())).buffer());

            TxnMetadata prepared = new TxnMetadata("x", 5L, (short) 0, 60_000);
            prepared.state = TxnState.PREPARE_COMMIT;
            prepared.partitions.add(new TxnMetadata.Tp("t", 0));
            Map<OffsetStore.TopicPartitionKey, CommittedOffset> offsets = new HashMap<>();
            offsets.put(new OffsetStore.TopicPartitionKey("t", 0), new CommittedOffset(42, -1, null, 1));
            prepared.offsets.put("g", offsets);
            new TransactionLog(stateLog).write(prepared, List.of(prepared));

            OffsetStore offsetStore = new OffsetStore(offsetsLog);
            TxnPartitions partitions = new TxnPartitions();
            try (TransactionCoordinator coordinator = new TransactionCoordinator(new Topics(logs, config), partitions,
                    offsetStore, new ProducerIdManager(dir), stateLog, log -> { }, 900_000, timer)) {
                assertThat(offsetStore.offsets("g").get(new OffsetStore.TopicPartitionKey("t", 0)).offset())
                        .isEqualTo(42);
                assertThat(partitions.get(t0).lastStableOffset()).isEqualTo(t0.logEndOffset()).isEqualTo(2);
                ByteBuffer tail = t0.read(1, 1 << 20).readFully();
                RecordBatch marker = MemoryRecords.readableRecords(tail).batches().iterator().next();
                assertThat(marker.isControlBatch()).isTrue();
                Record r = marker.iterator().next();
                assertThat(EndTransactionMarker.deserialize(r).controlType()).isEqualTo(ControlRecordType.COMMIT);
            }
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void recordsRoundTripWithOffsetsAndNullMetadata() {
        TxnMetadata m = new TxnMetadata("id-é", 9L, (short) 3, 1000);
        m.state = TxnState.ONGOING;
        m.partitions.add(new TxnMetadata.Tp("a", 1));
        m.offsets.put("g", Map.of(new OffsetStore.TopicPartitionKey("b", 2), new CommittedOffset(7, 1, null, 5)));
        TxnMetadata back = TxnRecordDescriptor.readValue("id-é", ByteBuffer.wrap(TxnRecordDescriptor.value(m)));
        assertThat(TxnRecordDescriptor.readKey(ByteBuffer.wrap(TxnRecordDescriptor.key("id-é")))).isEqualTo("id-é");
        assertThat(back.producerId).isEqualTo(9);
        assertThat(back.epoch).isEqualTo((short) 3);
        assertThat(back.state).isEqualTo(TxnState.ONGOING);
        assertThat(back.partitions).containsExactly(new TxnMetadata.Tp("a", 1));
        assertThat(back.offsets.get("g").get(new OffsetStore.TopicPartitionKey("b", 2)))
                .isEqualTo(new CommittedOffset(7, 1, null, 5));
    }
}
