package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import java.util.zip.CRC32C;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ProduceResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Produce requests whose batches pass the CRC but lie in their headers, or carry no records. */
class ProduceValidationTest {
    private static final short VERSION = 9; // by topic name
    private static final int RECORD_COUNT_OFFSET = 57;
    private static final int ATTRIBUTES_OFFSET = 21;
    private static final int CRC_OFFSET = 17;

    @TempDir
    Path dir;
    RunnelBroker broker;
    Admin admin;

    @BeforeEach
    void start() throws Exception {
        broker = Clients.broker(dir);
        admin = Clients.admin(broker);
        admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
    }

    @AfterEach
    void stop() {
        admin.close();
        broker.close();
    }

    private long logEndOffset() throws Exception {
        TopicPartition tp = new TopicPartition("t", 0);
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset();
    }

    private static ProduceRequestData produce(MemoryRecords records) {
        ProduceRequestData req = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(5000);
        req.topicData().add(new ProduceRequestData.TopicProduceData().setName("t").setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
        return req;
    }

    private static ProduceResponseData.PartitionProduceResponse send(RawSocket c, MemoryRecords records)
            throws Exception {
        ProduceResponse r = c.call(produce(records), VERSION);
        return r.data().responses().iterator().next().partitionResponses().get(0);
    }

    private static MemoryRecords threeRecords() {
        return MemoryRecords.withRecords(Compression.NONE, new SimpleRecord("a".getBytes()),
                new SimpleRecord("b".getBytes()), new SimpleRecord("c".getBytes()));
    }

    /** The batch with its record count replaced and the CRC recomputed, so only the header lies. */
    private static MemoryRecords withCount(MemoryRecords records, int count) {
        ByteBuffer b = ByteBuffer.allocate(records.sizeInBytes()).put(records.buffer().duplicate()).flip();
        b.putInt(RECORD_COUNT_OFFSET, count);
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(ATTRIBUTES_OFFSET));
        b.putInt(CRC_OFFSET, (int) crc.getValue());
        return MemoryRecords.readableRecords(b);
    }

    @Test
    void aRecordCountThatDisagreesWithTheOffsetDeltaIsInvalidRecord() throws Exception {
        try (RawSocket c = new RawSocket(broker)) {
            for (int count : new int[] {0, 2, 4, -1}) {
                var r = send(c, withCount(threeRecords(), count));
                assertThat(Errors.forCode(r.errorCode())).as("count %d", count).isEqualTo(Errors.INVALID_RECORD);
                assertThat(r.errorMessage()).contains("record");
            }
            assertThat(logEndOffset()).isZero();
            var ok = send(c, threeRecords());
            assertThat(Errors.forCode(ok.errorCode())).isEqualTo(Errors.NONE);
            assertThat(logEndOffset()).isEqualTo(3);
        }
    }

    @Test
    void nullRecordsGetCorruptMessageAndTheConnectionStaysUsable() throws Exception {
        try (RawSocket c = new RawSocket(broker)) {
            for (int i = 0; i < 3; i++) {
                var r = send(c, null);
                assertThat(Errors.forCode(r.errorCode())).isEqualTo(Errors.CORRUPT_MESSAGE);
                assertThat(r.errorMessage()).contains("no records");
            }
            assertThat(Errors.forCode(send(c, threeRecords()).errorCode())).isEqualTo(Errors.NONE);
        }
    }
}
