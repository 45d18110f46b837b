package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leader epochs: a new one per open, stamped into batches, durable, and Kafka's end-offset answers. */
class LeaderEpochCacheTest {
    @TempDir
    Path dir;

    private PartitionLog open() {
        return PartitionLog.open(dir, "t", 0, LogConfig.defaults(), System::currentTimeMillis);
    }

    @Test
    void eachOpenBeginsANewEpochAtTheLogEndAndStampsBatches() throws Exception {
        try (PartitionLog log = open()) {
            assertThat(log.leaderEpoch()).isZero();
            log.append(TestBatches.batch(3, 10));
        }
        try (PartitionLog log = open()) {
            assertThat(log.leaderEpoch()).isEqualTo(1);
            log.append(TestBatches.batch(2, 11));
            assertThat(log.leaderEpochs().entries()).containsExactly(new LeaderEpochCache.Entry(0, 0),
                    new LeaderEpochCache.Entry(1, 3));
            ByteBuffer first = log.read(0, 1).readFully();
            ByteBuffer second = log.read(3, 1).readFully();
            assertThat(first.getInt(BatchDescriptor.PARTITION_LEADER_EPOCH_OFFSET)).isZero();
            assertThat(second.getInt(BatchDescriptor.PARTITION_LEADER_EPOCH_OFFSET)).isEqualTo(1);
            BatchDescriptor.validate(second, 0, "stamped"); // the CRC does not cover the epoch
        }
        assertThat(Files.readAllLines(dir.resolve("leader-epoch-checkpoint"))).containsExactly("0", "2", "0 0", "1 3");
    }

    @Test
    void restartsWithoutAppendsReplaceTheEmptyEpoch() throws Exception {
        try (PartitionLog log = open()) {
            log.append(TestBatches.batch(3, 10));
        }
        open().close();
        try (PartitionLog log = open()) {
            assertThat(log.leaderEpochs().entries()).containsExactly(new LeaderEpochCache.Entry(0, 0),
                    new LeaderEpochCache.Entry(2, 3));
        }
    }

    @Test
    void endOffsetForFollowsKafka() throws Exception {
        LeaderEpochCache c = withEntries(List.of(new LeaderEpochCache.Entry(0, 0), new LeaderEpochCache.Entry(3, 10),
                new LeaderEpochCache.Entry(5, 25)));
        assertThat(c.endOffsetFor(5, 40)).isEqualTo(new LeaderEpochCache.EpochEndOffset(5, 40)); // current: log end
        assertThat(c.endOffsetFor(3, 40)).isEqualTo(new LeaderEpochCache.EpochEndOffset(3, 25)); // next epoch's start
        assertThat(c.endOffsetFor(4, 40)).isEqualTo(new LeaderEpochCache.EpochEndOffset(3, 25)); // gap: largest below
        assertThat(c.endOffsetFor(6, 40)).isEqualTo(new LeaderEpochCache.EpochEndOffset(-1, -1)); // above current
        assertThat(c.endOffsetFor(-1, 40)).isEqualTo(new LeaderEpochCache.EpochEndOffset(-1, -1));
        assertThat(c.epochAt(9)).isZero();
        assertThat(c.epochAt(10)).isEqualTo(3);
        assertThat(c.epochAt(100)).isEqualTo(5);
    }

    @Test
    void entriesBelowTheLogStartAndPastARecoveredEndAreDropped() throws Exception {
        LeaderEpochCache c = withEntries(List.of(new LeaderEpochCache.Entry(0, 0), new LeaderEpochCache.Entry(1, 10),
                new LeaderEpochCache.Entry(2, 20), new LeaderEpochCache.Entry(3, 30)));
        // log start moved to 15, recovery cut the log back to 25
        assertThat(c.nextEpoch(15, 25).entries()).containsExactly(new LeaderEpochCache.Entry(1, 15),
                new LeaderEpochCache.Entry(2, 20), new LeaderEpochCache.Entry(4, 25));
    }

    private LeaderEpochCache withEntries(List<LeaderEpochCache.Entry> entries) throws Exception {
        StringBuilder text = new StringBuilder("0\n" + entries.size() + "\n");
        entries.forEach(e -> text.append(e.epoch()).append(' ').append(e.startOffset()).append('\n'));
        Path d = Files.createTempDirectory(dir, "c");
        Files.writeString(d.resolve("leader-epoch-checkpoint"), text);
        return LeaderEpochCache.read(d);
    }
}
