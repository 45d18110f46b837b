package io.runnel.broker.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.CleanerConfig;
import io.runnel.log.CleanerHooks;
import io.runnel.log.LogConfig;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code __transaction_state} is compacted by the cleaner and replays the latest state per id across its gaps. */
class TransactionLogCompactionTest {
    @TempDir
    Path dir;

    @Test
    void theCompactedStateLogReplaysTheLatestStatePerId() {
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            PartitionLog stateLog = logs.createTopic("__transaction_state", 1, Map.of("cleanup.policy", "compact",
                    "segment.bytes", "4096", "flush.messages", "1")).partition(0);
            TransactionLog txnLog = new TransactionLog(stateLog);
            for (int i = 0; i < 300; i++) {
                TxnMetadata m = new TxnMetadata("id-" + (i % 3), 100 + (i % 3), (short) i, 60_000);
                m.state = i % 2 == 0 ? TxnState.ONGOING : TxnState.COMPLETE_COMMIT;
                txnLog.write(m, List.of(m));
            }
            stateLog.roll();
            long before = stateLog.sizeInBytes();
            logs.startCleaner(new CleanerConfig(false, 10, 1 << 20, 4096, 0.9), CleanerHooks.NONE).cleanOnce();
            assertThat(stateLog.sizeInBytes()).isLessThan(before / 10);

            Map<String, TxnMetadata> states = new TransactionLog(stateLog).replay();
            assertThat(states).containsOnlyKeys("id-0", "id-1", "id-2");
            assertThat(states.get("id-2").epoch).isEqualTo((short) 299);
            assertThat(states.get("id-2").state).isEqualTo(TxnState.COMPLETE_COMMIT);
            assertThat(states.get("id-1").epoch).isEqualTo((short) 298);
        }
    }
}
