package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogTest {
    @TempDir
    Path dir;
    final AtomicLong clock = new AtomicLong(1_000_000);
    PartitionLog log;

    LogConfig config = LogConfig.defaults().withIndexIntervalBytes(256);

    PartitionLog open() {
        log = PartitionLog.open(dir, "t", 0, config, clock::get);
        return log;
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void appendAssignsConsecutiveOffsetsAndReadsThemBack() {
        open();
        AppendResult a = log.append(TestBatches.batch(3, 10));
        AppendResult b = log.append(TestBatches.batch(2, 11));
        assertThat(a.firstOffset()).isZero();
        assertThat(a.lastOffset()).isEqualTo(2);
        assertThat(b.firstOffset()).isEqualTo(3);
        assertThat(log.logEndOffset()).isEqualTo(5);

        LogSlice slice = log.read(4, 1);
        assertThat(slice.firstOffset()).isEqualTo(3);
        ByteBuffer bytes = slice.readFully();
        assertThat(BatchDescriptor.baseOffset(bytes, 0)).isEqualTo(3);
        BatchDescriptor.validate(bytes, 0, "read back"); // CRC still valid after baseOffset rewrite
        assertThat(log.read(5, 100).isEmpty()).isTrue();
    }

    @Test
    void readsFindBatchesThroughTheSparseIndexAcrossSegments() {
        config = config.withSegmentBytes(2000);
        open();
        for (int i = 0; i < 200; i++) {
            log.append(TestBatches.batch(1, 100 + i));
        }
        assertThat(log.segmentCount()).isGreaterThan(10);
        for (long offset : new long[] {0, 1, 17, 99, 150, 199}) {
            LogSlice slice = log.read(offset, 10);
            assertThat(slice.firstOffset()).isEqualTo(offset);
            assertThat(slice.length()).isEqualTo(161);
        }
        assertThat(log.findByTimestamp(150).firstOffset()).isEqualTo(50);
        assertThat(log.findByTimestamp(100).firstOffset()).isZero();
        assertThat(log.findByTimestamp(10_000)).isNull();
    }

    @Test
    void readRespectsMaxBytesButReturnsAtLeastOneBatch() {
        open();
        for (int i = 0; i < 10; i++) {
            log.append(TestBatches.batch(1, i, 1000));
        }
        assertThat(log.read(0, 10).length()).isEqualTo(1061);
        assertThat(log.read(0, 3000).length()).isEqualTo(3000);
        assertThat(log.read(0, 1 << 20).length()).isEqualTo(10610);
    }

    @Test
    void readsCanStopBeforeAnOffset() {
        open();
        for (int i = 0; i < 10; i++) {
            log.append(TestBatches.batch(2, i));
        }
        assertThat(log.read(0, 1 << 20, 6).length()).isEqualTo(3 * 161);
        assertThat(log.read(5, 1 << 20, 6).firstOffset()).isEqualTo(4);
        assertThat(log.read(6, 1 << 20, 6).isEmpty()).isTrue();
        assertThat(log.read(0, 1 << 20, 7).length()).isEqualTo(4 * 161); // batch 6-7 starts below 7
    }

    @Test
    void batchHeadersCanBeScannedWithoutRecords() {
        config = config.withSegmentBytes(1000);
        open();
        for (int i = 0; i < 20; i++) {
            log.append(TestBatches.batch(2, i));
        }
        java.util.List<Long> bases = new java.util.ArrayList<>();
        log.forEachBatchHeader(31, h -> bases.add(BatchDescriptor.baseOffset(h, 0)));
        assertThat(bases).containsExactly(30L, 32L, 34L, 36L, 38L);
    }

    @Test
    void outOfRangeReadsAreRejected() {
        open();
        log.append(TestBatches.batch(1, 1));
        assertThatThrownBy(() -> log.read(2, 100)).isInstanceOf(OffsetOutOfRangeException.class)
                .hasMessageContaining("t-0");
        assertThatThrownBy(() -> log.read(-1, 100)).isInstanceOf(OffsetOutOfRangeException.class);
    }

    @Test
    void badBatchIsRejectedAndLeavesTheLogUntouched() {
        open();
        log.append(TestBatches.batch(1, 1));
        ByteBuffer good = TestBatches.batch(1, 2);
        ByteBuffer bad = TestBatches.batch(1, 3);
        bad.put(70, (byte) (bad.get(70) ^ 1));
        ByteBuffer both = ByteBuffer.allocate(good.capacity() + bad.capacity()).put(good).put(bad).flip();
        assertThatThrownBy(() -> log.append(both)).isInstanceOf(InvalidBatchException.class)
                .hasMessageContaining("CRC mismatch").hasMessageContaining("batch 1");
        assertThat(log.logEndOffset()).isEqualTo(1);
        assertThat(log.sizeInBytes()).isEqualTo(161);
    }

    @Test
    void oversizeBatchIsRejected() {
        config = config.withMaxBatchBytes(500);
        open();
        assertThatThrownBy(() -> log.append(TestBatches.batch(1, 1, 1000)))
                .isInstanceOf(BatchTooLargeException.class).hasMessageContaining("message.max.bytes=500");
    }

    @Test
    void truncatedTailIsCutOffOnReopen() throws IOException {
        open();
        for (int i = 0; i < 5; i++) {
            log.append(TestBatches.batch(2, i));
        }
        log.close();
        Path file = dir.resolve("00000000000000000000.log");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 40); // a torn last write
        }
        open();
        assertThat(log.logEndOffset()).isEqualTo(8);
        assertThat(Files.size(file)).isEqualTo(4 * 161);
        assertThat(log.append(TestBatches.batch(1, 9)).firstOffset()).isEqualTo(8);
    }

    @Test
    void flippedByteTruncatesFromTheCorruptBatch() throws IOException {
        open();
        for (int i = 0; i < 5; i++) {
            log.append(TestBatches.batch(1, i));
        }
        log.close();
        Path file = dir.resolve("00000000000000000000.log");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long at = 2 * 161 + 100;
            ch.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            ch.write(one, at);
        }
        open();
        assertThat(log.logEndOffset()).isEqualTo(2);
        assertThat(Files.size(file)).isEqualTo(2 * 161);
    }

    @Test
    void missingOrGarbageIndexesAreRebuilt() throws IOException {
        config = config.withSegmentBytes(5000);
        open();
        for (int i = 0; i < 100; i++) {
            log.append(TestBatches.batch(1, 1000 + i));
        }
        log.close();
        Files.delete(dir.resolve("00000000000000000000.index"));
        Files.write(dir.resolve("00000000000000000000.timeindex"), new byte[] {1, 2, 3});
        open();
        assertThat(Files.size(dir.resolve("00000000000000000000.index"))).isPositive();
        assertThat(log.read(20, 1).firstOffset()).isEqualTo(20);
        assertThat(log.findByTimestamp(1010).firstOffset()).isEqualTo(10);
        assertThat(log.logEndOffset()).isEqualTo(100);
    }

    @Test
    void reopenKeepsOffsetsAndTimestampsOfClosedSegments() {
        config = config.withSegmentBytes(1000);
        open();
        for (int i = 0; i < 30; i++) {
            log.append(TestBatches.batch(3, 500 + i));
        }
        log.close();
        open();
        assertThat(log.logEndOffset()).isEqualTo(90);
        assertThat(log.findByTimestamp(529).firstOffset()).isEqualTo(87);
        assertThat(log.read(44, 1).firstOffset()).isEqualTo(42);
    }

    @Test
    void retentionBySizeDeletesOldestClosedSegments() {
        config = config.withSegmentBytes(1000).withRetentionBytes(2000).withRetentionMs(-1);
        open();
        for (int i = 0; i < 30; i++) {
            log.append(TestBatches.batch(1, i));
        }
        int before = log.segmentCount();
        assertThat(log.applyRetention()).isPositive();
        assertThat(log.segmentCount()).isLessThan(before);
        assertThat(log.sizeInBytes()).isLessThan(2000 + 1000);
        assertThat(log.logStartOffset()).isPositive();
        assertThatThrownBy(() -> log.read(0, 10)).isInstanceOf(OffsetOutOfRangeException.class);
        assertThat(log.read(log.logStartOffset(), 10).firstOffset()).isEqualTo(log.logStartOffset());
    }

    @Test
    void retentionByTimeDeletesExpiredSegmentsAndRollsAnOldActiveOne() {
        config = config.withSegmentBytes(1000).withRetentionMs(60_000).withSegmentMs(30_000);
        open();
        for (int i = 0; i < 10; i++) {
            log.append(TestBatches.batch(1, clock.get()));
        }
        clock.addAndGet(40_000);
        assertThat(log.applyRetention()).isZero(); // old active rolled, not yet expired
        clock.addAndGet(30_000);
        log.applyRetention();
        assertThat(log.logStartOffset()).isEqualTo(10);
        assertThat(log.sizeInBytes()).isZero();
        assertThat(log.append(TestBatches.batch(1, clock.get())).firstOffset()).isEqualTo(10);
    }

    @Test
    void intervalFsyncFlushesOnlyWhenDue() {
        config = config.withFsync(FsyncPolicy.INTERVAL, 5000);
        open();
        log.append(TestBatches.batch(1, 1));
        log.flushIfDue(clock.get()); // first flush: nothing flushed before
        log.append(TestBatches.batch(1, 2));
        log.flushIfDue(clock.addAndGet(1000)); // not due yet: stays dirty, no error
        log.flushIfDue(clock.addAndGet(5000));
        assertThat(log.logEndOffset()).isEqualTo(2);
    }

    @Test
    void deleteRecordsMovesTheStartDurablyAndDropsWholeSegments() {
        config = config.withSegmentBytes(1000);
        open();
        for (int i = 0; i < 20; i++) {
            log.append(TestBatches.batch(1, i));
        }
        int before = log.segmentCount();
        assertThat(log.deleteRecordsBefore(13)).isEqualTo(13);
        assertThat(log.segmentCount()).isLessThan(before);
        assertThatThrownBy(() -> log.read(12, 10)).isInstanceOf(OffsetOutOfRangeException.class);
        assertThat(log.read(13, 10).firstOffset()).isEqualTo(13);
        assertThatThrownBy(() -> log.deleteRecordsBefore(21)).isInstanceOf(OffsetOutOfRangeException.class);
        log.close();
        open();
        assertThat(log.logStartOffset()).isEqualTo(13);
        assertThat(log.deleteRecordsBefore(20)).isEqualTo(20);
        assertThat(log.read(20, 10).isEmpty()).isTrue();
        assertThat(log.append(TestBatches.batch(1, 1)).firstOffset()).isEqualTo(20);
    }

    @Test
    void everyBatchFsyncPolicyAppends() {
        config = config.withFsync(FsyncPolicy.EVERY_BATCH, 1000);
        open();
        assertThat(log.append(TestBatches.batch(1, 1)).lastOffset()).isZero();
    }
}
