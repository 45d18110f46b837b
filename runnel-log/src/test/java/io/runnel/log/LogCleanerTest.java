package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogCleanerTest {
    @TempDir
    Path dir;
    final AtomicLong clock = new AtomicLong(1_000_000);

    @Test
    void keepsTheLatestRecordPerKeyWithItsOffsetAndLeavesTheActiveSegmentAlone() {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.createTopic(CleanerFixture.TOPIC, 1, CleanerFixture.COMPACTED).partition(0);
            CleanerFixture.writeCycling(log, clock, 60, 6, "k");
            List<KeyedBatches.Rec> before = KeyedBatches.readAll(log);
            long activeBase = log.activeSegment().baseOffset();
            int segmentsBefore = log.segmentCount();
            long bytesBefore = log.sizeInBytes();

            LogCleaner cleaner = m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE);
            assertThat(cleaner.cleanOnce()).isEqualTo(1);

            List<KeyedBatches.Rec> after = KeyedBatches.readAll(log);
            CleanerFixture.assertConsistent(before, after);
            List<KeyedBatches.Rec> cleanedPart = after.stream().filter(r -> r.offset() < activeBase).toList();
            Set<String> keys = new HashSet<>();
            cleanedPart.forEach(r -> assertThat(keys.add(r.key())).as("one record per key: %s", r).isTrue());
            assertThat(keys).hasSize(6);
            assertThat(after.stream().filter(r -> r.offset() >= activeBase).toList())
                    .isEqualTo(before.stream().filter(r -> r.offset() >= activeBase).toList());
            assertThat(log.sizeInBytes()).isLessThan(bytesBefore);
            assertThat(log.logEndOffset()).isEqualTo(60);

            long gap = firstMissingOffset(after, log.logStartOffset());
            assertThat(log.read(gap, 100).firstOffset()).as("a fetch at a removed offset gets the next batch")
                    .isGreaterThan(gap);

            CleanerFixture.writeCycling(log, clock, 30, 6, "k"); // the second round merges the small cleaned segments
            cleaner.cleanOnce();
            assertThat(log.segmentCount()).isLessThan(segmentsBefore);
        }
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.topic(CleanerFixture.TOPIC).partition(0);
            assertThat(KeyedBatches.readAll(log).stream().filter(r -> r.key().equals("k0"))).isNotEmpty();
            assertThat(log.logEndOffset()).isEqualTo(90);
        }
    }

    @Test
    void cleansCompressedBatchesRecordByRecord() {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.createTopic(CleanerFixture.TOPIC, 1, CleanerFixture.COMPACTED).partition(0);
            for (int i = 0; i < 20; i++) {
                log.append(KeyedBatches.compressed(clock.get(), "a", "a" + i, "b", "b" + i, "c" + i, "x"));
            }
            List<KeyedBatches.Rec> before = KeyedBatches.readAll(log);
            m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE).cleanOnce();
            List<KeyedBatches.Rec> after = KeyedBatches.readAll(log);
            CleanerFixture.assertConsistent(before, after);
            long activeBase = log.activeSegment().baseOffset();
            assertThat(after.stream().filter(r -> r.offset() < activeBase && r.key().equals("a")).count()).isEqualTo(1);
            assertThat(after.size()).isLessThan(before.size());
        }
    }

    @Test
    void tombstonesGoOnlyAfterDeleteRetentionSinceTheCleaningThatFirstKeptThem() {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.createTopic(CleanerFixture.TOPIC, 1, CleanerFixture.COMPACTED).partition(0);
            LogCleaner cleaner = m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE);
            log.append(KeyedBatches.batch(clock.get(), "gone", "1"));
            log.append(KeyedBatches.batch(clock.get(), "kept", "1"));
            log.append(KeyedBatches.batch(clock.get(), "gone", null));
            CleanerFixture.writeCycling(log, clock, 20, 3, "filler");
            cleaner.cleanOnce();
            assertThat(values(log, "gone")).containsExactly((String) null);

            clock.addAndGet(900); // the horizon is 1000 ms after the first cleaning
            CleanerFixture.writeCycling(log, clock, 20, 3, "filler");
            cleaner.cleanOnce();
            assertThat(values(log, "gone")).containsExactly((String) null);

            clock.addAndGet(200);
            CleanerFixture.writeCycling(log, clock, 20, 3, "filler");
            cleaner.cleanOnce();
            assertThat(values(log, "gone")).isEmpty();
            assertThat(values(log, "kept")).containsExactly("1");
        }
    }

    @Test
    void abortedDataGoesAndItsMarkerFollowsOnceNothingOfItRemains() {
        List<Long> removedMarkers = new ArrayList<>();
        CleanerHooks hooks = new CleanerHooks() {
            @Override
            public void abortMarkersRemoved(PartitionLog log, long[] offsets) {
                for (long o : offsets) {
                    removedMarkers.add(o);
                }
            }
        };
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.createTopic(CleanerFixture.TOPIC, 1, CleanerFixture.COMPACTED).partition(0);
            LogCleaner cleaner = m.startCleaner(CleanerFixture.MANUAL, hooks);
            log.append(KeyedBatches.batch(clock.get(), "x", "before"));
            log.append(KeyedBatches.txnBatch(7, (short) 0, 0, clock.get(), "x", "aborted"));
            log.append(KeyedBatches.txnBatch(7, (short) 0, 1, clock.get(), "y", "aborted"));
            long abortMarker = log.append(KeyedBatches.marker(7, (short) 0, clock.get(), false)).firstOffset();
            log.append(KeyedBatches.txnBatch(7, (short) 0, 2, clock.get(), "z", "committed"));
            long commitMarker = log.append(KeyedBatches.marker(7, (short) 0, clock.get(), true)).firstOffset();
            CleanerFixture.writeCycling(log, clock, 20, 3, "filler");

            cleaner.cleanOnce();
            assertThat(values(log, "x")).containsExactly("before");
            assertThat(values(log, "y")).isEmpty();
            assertThat(values(log, "z")).containsExactly("committed");
            assertThat(controlOffsets(log)).contains(abortMarker, commitMarker);

            clock.addAndGet(10); // no data of the aborted transaction left: the marker gets its horizon
            CleanerFixture.writeCycling(log, clock, 20, 3, "filler");
            cleaner.cleanOnce();
            assertThat(controlOffsets(log)).contains(abortMarker);
            assertThat(removedMarkers).isEmpty();

            clock.addAndGet(1001);
            CleanerFixture.writeCycling(log, clock, 20, 3, "filler");
            cleaner.cleanOnce();
            assertThat(controlOffsets(log)).doesNotContain(abortMarker).contains(commitMarker);
            assertThat(removedMarkers).containsExactly(abortMarker);
            assertThat(values(log, "z")).containsExactly("committed");
        }
    }

    @Test
    void aProducersLastBatchIsKeptEmptiedSoItsSequenceSurvives() {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.createTopic(CleanerFixture.TOPIC, 1, CleanerFixture.COMPACTED).partition(0);
            log.append(org.apache.kafka.common.record.internal.MemoryRecords.withIdempotentRecords(
                    org.apache.kafka.common.compress.Compression.NONE, 9L, (short) 3, 41,
                    KeyedBatches.rec(clock.get(), "k0", "from-producer-9")).buffer());
            CleanerFixture.writeCycling(log, clock, 30, 1, "k"); // supersedes it
            m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE).cleanOnce();

            assertThat(values(log, "k0")).doesNotContain("from-producer-9").isNotEmpty();
            List<int[]> producer9 = new ArrayList<>(); // record count, base sequence
            log.forEachBatchHeader(0, h -> {
                if (BatchDescriptor.producerId(h, 0) == 9) {
                    producer9.add(new int[] {h.getInt(BatchDescriptor.RECORD_COUNT_OFFSET),
                            BatchDescriptor.baseSequence(h, 0)});
                }
            });
            assertThat(producer9).hasSize(1);
            assertThat(producer9.get(0)).containsExactly(0, 41);
        }
        try (LogManager m = CleanerFixture.open(dir, clock)) { // the emptied batch passes recovery's checks
            assertThat(m.topic(CleanerFixture.TOPIC).partition(0).logEndOffset()).isEqualTo(31);
        }
    }

    @Test
    void aFullOffsetMapCleansUpToWhereItFilledAndTheNextRoundsContinue() {
        CleanerConfig tiny = new CleanerConfig(false, 10, 30L * OffsetMap.BYTES_PER_ENTRY, 4096, 0.9);
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.createTopic(CleanerFixture.TOPIC, 1, CleanerFixture.COMPACTED).partition(0);
            CleanerFixture.writeCycling(log, clock, 120, 60, "k");
            log.roll();
            List<KeyedBatches.Rec> before = KeyedBatches.readAll(log);
            LogCleaner cleaner = m.startCleaner(tiny, CleanerHooks.NONE);

            assertThat(cleaner.cleanOnce()).isEqualTo(1);
            long firstDirty = new CleanerCheckpoint(dir).firstDirtyOffset(log);
            assertThat(firstDirty).isGreaterThan(0).isLessThan(60);
            CleanerFixture.assertConsistent(before, KeyedBatches.readAll(log));

            for (int i = 0; i < 20 && cleaner.cleanOnce() > 0; i++) {
                CleanerFixture.assertConsistent(before, KeyedBatches.readAll(log));
            }
            assertThat(KeyedBatches.readAll(log)).hasSize(60);
            assertThat(new CleanerCheckpoint(dir).firstDirtyOffset(log)).isEqualTo(120);
        }
    }

    @Test
    void minCompactionLagKeepsYoungRecordsAndMaxCompactionLagForcesALowRatioCleaning() {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog young = m.createTopic("young", 1, Map.of("cleanup.policy", "compact", "segment.bytes", "400",
                    "min.compaction.lag.ms", "1000")).partition(0);
            PartitionLog overdue = m.createTopic("overdue", 1, Map.of("cleanup.policy", "compact",
                    "segment.bytes", "400", "min.cleanable.dirty.ratio", "1", "max.compaction.lag.ms", "1000"))
                    .partition(0);
            CleanerFixture.writeCycling(young, clock, 40, 4, "k");
            LogCleaner cleaner = m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE);
            cleaner.cleanOnce();
            assertThat(KeyedBatches.readAll(young)).as("younger than min.compaction.lag.ms").hasSize(40);
            clock.addAndGet(1001);
            cleaner.cleanOnce();
            assertThat(KeyedBatches.readAll(young)).hasSizeLessThan(40);

            CleanerFixture.writeCycling(overdue, clock, 40, 4, "k");
            overdue.roll();
            CleanerFixture.writeCycling(overdue, clock, 1, 4, "k"); // dirty ratio below 1: not cleaned for the ratio
            cleaner.cleanOnce();
            assertThat(KeyedBatches.readAll(overdue)).hasSize(41);
            clock.addAndGet(1001);
            cleaner.cleanOnce();
            assertThat(KeyedBatches.readAll(overdue)).as("dirty records older than max.compaction.lag.ms")
                    .hasSizeLessThan(41);
        }
    }

    @Test
    void compactOnlyTopicsAreNotDeletedByRetentionButCompactDeleteOnesAre() {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog compact = m.createTopic("c", 1, Map.of("cleanup.policy", "compact", "segment.bytes", "400",
                    "retention.ms", "10")).partition(0);
            PartitionLog both = m.createTopic("cd", 1, Map.of("cleanup.policy", "compact,delete",
                    "segment.bytes", "400", "retention.ms", "10")).partition(0);
            CleanerFixture.writeCycling(compact, clock, 30, 30, "k");
            CleanerFixture.writeCycling(both, clock, 30, 30, "k");
            clock.addAndGet(100);
            m.applyRetention();
            assertThat(compact.logStartOffset()).isZero();
            assertThat(both.logStartOffset()).isPositive();
        }
    }

    private static List<String> values(PartitionLog log, String key) {
        return KeyedBatches.data(log).stream().filter(r -> key.equals(r.key())).map(KeyedBatches.Rec::value).toList();
    }

    private static List<Long> controlOffsets(PartitionLog log) {
        return KeyedBatches.readAll(log).stream().filter(KeyedBatches.Rec::control).map(KeyedBatches.Rec::offset)
                .toList();
    }

    private static long firstMissingOffset(List<KeyedBatches.Rec> records, long logStart) {
        long expected = logStart;
        for (KeyedBatches.Rec r : records) {
            if (r.offset() != expected) {
                return expected;
            }
            expected++;
        }
        throw new AssertionError("no gap in " + records);
    }
}
