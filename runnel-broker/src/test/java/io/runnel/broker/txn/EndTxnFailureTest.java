package io.runnel.broker.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A marker write that fails (an I/O error) leaves the transaction prepared, not stuck. */
class EndTxnFailureTest {
    @TempDir
    Path dir;
    CoordinatorFixture fixture;
    LogManager logs;
    TxnPartitions partitions = new TxnPartitions();
    TransactionCoordinator coordinator;
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void start() {
        fixture = new CoordinatorFixture(dir, partitions, log -> { });
        logs = fixture.logs;
        coordinator = fixture.coordinator;
        TransactionCoordinator.MarkerWriter real = coordinator.markers;
        coordinator.markers = (log, producerId, epoch, commit) -> {
            if (log.partition() == 1 && failuresLeft.getAndDecrement() > 0) {
                throw new UncheckedIOException(new java.io.IOException("injected: disk full"));
            }
            real.write(log, producerId, epoch, commit);
        };
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private TransactionCoordinator.ProducerIdAndEpoch openTransactionOnBothPartitions() {
        var p = coordinator.initProducerId("x", 60_000, -1, (short) -1);
        assertThat(coordinator.addPartitions("x", p.producerId(), p.epoch(),
                List.of(new TxnMetadata.Tp("t", 0), new TxnMetadata.Tp("t", 1)))).containsOnly(Errors.NONE);
        for (int partition = 0; partition < 2; partition++) {
            PartitionLog log = logs.topic("t").partition(partition);
            synchronized (log) {
                partitions.get(log).beforeTransactionalAppend(p.producerId(), log.logEndOffset());
            }
        }
        return p;
    }

    @Test
    void aFailedMarkerIsRetriedByTheClientsRetry() {
        var p = openTransactionOnBothPartitions();
        failuresLeft.set(1);
        assertThat(coordinator.endTxn("x", p.producerId(), p.epoch(), false))
                .as("retriable while prepared").isEqualTo(Errors.CONCURRENT_TRANSACTIONS);
        assertThat(coordinator.view("x").state()).isEqualTo(TxnState.PREPARE_ABORT);
        PartitionLog stuck = logs.topic("t").partition(1);
        assertThat(partitions.get(stuck).lastStableOffset()).isZero();

        assertThat(coordinator.endTxn("x", p.producerId(), p.epoch(), false)).isEqualTo(Errors.NONE);
        assertThat(coordinator.view("x").state()).isEqualTo(TxnState.COMPLETE_ABORT);
        assertThat(partitions.get(stuck).lastStableOffset()).isEqualTo(stuck.logEndOffset()).isPositive();
        // the producer can go on with its next transaction
        assertThat(coordinator.addPartitions("x", p.producerId(), p.epoch(), List.of(new TxnMetadata.Tp("t", 0))))
                .containsExactly(Errors.NONE);
    }

    @Test
    void aFailedMarkerIsFinishedByTheSweepWithoutTheClient() throws Exception {
        var p = openTransactionOnBothPartitions();
        failuresLeft.set(2);
        assertThat(coordinator.endTxn("x", p.producerId(), p.epoch(), true))
                .isEqualTo(Errors.CONCURRENT_TRANSACTIONS);
        for (int i = 0; i < 100 && coordinator.view("x").state() != TxnState.COMPLETE_COMMIT; i++) {
            Thread.sleep(100); // the expiry sweep runs every second; the second failure costs one more
        }
        assertThat(coordinator.view("x").state()).isEqualTo(TxnState.COMPLETE_COMMIT);
        assertThat(coordinator.endTxn("x", p.producerId(), p.epoch(), true)).as("the retry").isEqualTo(Errors.NONE);
    }
}
