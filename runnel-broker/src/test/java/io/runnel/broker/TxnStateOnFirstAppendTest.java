package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.broker.txn.CoordinatorFixture;
import io.runnel.broker.txn.TxnPartitions;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition written without transactions has its transaction state from its first append on, so
 * its first fetch or read_committed ListOffsets does not scan the whole log (which delayed a
 * consumer's first record by ~100 ms per GB in the broker benchmark).
 */
class TxnStateOnFirstAppendTest {
    @TempDir
    Path dir;
    CoordinatorFixture fixture;
    LogManager logs;
    final TxnPartitions partitions = new TxnPartitions();
    ProduceHandler produce;

    @BeforeEach
    void start() {
        FetchWaiters waiters = new FetchWaiters();
        fixture = new CoordinatorFixture(dir, partitions, waiters::onAppend);
        logs = fixture.logs;
        produce = new ProduceHandler(fixture.topics, new PartitionStates(), waiters, fixture.coordinator, partitions);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPlainAppendLoadsThePartitionsTransactionState() throws Exception {
        PartitionLog log = logs.topic("t").partition(0);
        assertThat(partitions.loaded(log)).isFalse();
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord("k".getBytes(), "v".getBytes()));
        ProduceRequestData data = new ProduceRequestData().setAcks((short) 1).setTimeoutMs(5000);
        data.topicData().add(new ProduceRequestData.TopicProduceData().setName("t").setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
        short version = 11;
        ProduceResponse r = (ProduceResponse) produce.handle(null, new ProduceRequest(data, version)).get();
        ProduceResponseData.PartitionProduceResponse pr = r.data().responses().iterator().next().partitionResponses().get(0);
        assertThat(pr.errorCode()).isZero();
        assertThat(log.logEndOffset()).isEqualTo(1);
        assertThat(partitions.loaded(log)).isTrue();
        assertThat(partitions.get(log).lastStableOffset()).isEqualTo(1);
    }
}
