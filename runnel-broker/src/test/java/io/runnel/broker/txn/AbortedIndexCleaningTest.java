package io.runnel.broker.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.LogConfig;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the cleaner drops an abort marker, its aborted-index entry goes too, durably: a stale entry
 * would make read-committed consumers skip the producer's later committed data.
 */
class AbortedIndexCleaningTest {
    @TempDir
    Path dir;

    @Test
    void removedAbortMarkersLeaveTheIndexAndStayGoneAfterReopen() {
        long abortMarker;
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            PartitionLog log = logs.createTopic("t", 1, Map.of("cleanup.policy", "compact")).partition(0);
            TxnPartitions partitions = new TxnPartitions();
            TxnPartitionState state = partitions.get(log);
            state.beforeTransactionalAppend(5, log.logEndOffset());
            abortMarker = state.writeMarker(5, (short) 0, false).firstOffset();
            long otherAbort = state.writeMarker(6, (short) 0, false).firstOffset();
            state.beforeTransactionalAppend(6, otherAbort);
            assertThat(state.abortedBetween(0, Long.MAX_VALUE)).hasSize(1);

            new TxnCleanerHooks(partitions).abortMarkersRemoved(log, new long[] {abortMarker});
            assertThat(state.abortedBetween(0, Long.MAX_VALUE)).isEmpty();
            assertThat(new TxnCleanerHooks(partitions).lastStableOffset(log)).isEqualTo(otherAbort);
        }
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            TxnPartitionState reopened = new TxnPartitions().get(logs.topic("t").partition(0));
            assertThat(reopened.abortedBetween(0, Long.MAX_VALUE)).isEmpty();
        }
    }
}
