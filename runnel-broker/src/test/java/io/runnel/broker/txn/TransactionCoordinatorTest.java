package io.runnel.broker.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.LogManager;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coordinator rules: epochs fence, stale re-inits are fenced, produce needs an added partition. */
class TransactionCoordinatorTest {
    @TempDir
    Path dir;
    CoordinatorFixture fixture;
    LogManager logs;
    TransactionCoordinator coordinator;

    @BeforeEach
    void start() {
        fixture = new CoordinatorFixture(dir, new TxnPartitions(), log -> { });
        logs = fixture.logs;
        coordinator = fixture.coordinator;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void reinitBumpsTheEpochAndStaleProducersAreFenced() {
        var first = coordinator.initProducerId("a", 60_000, -1, (short) -1);
        assertThat(first.error()).isEqualTo(Errors.NONE);
        var second = coordinator.initProducerId("a", 60_000, -1, (short) -1);
        assertThat(second.producerId()).isEqualTo(first.producerId());
        assertThat(second.epoch()).isEqualTo((short) (first.epoch() + 1));
        assertThat(coordinator.initProducerId("a", 60_000, first.producerId(), first.epoch()).error())
                .isEqualTo(Errors.PRODUCER_FENCED);
        assertThat(coordinator.initProducerId("a", 60_000, second.producerId(), second.epoch()).epoch())
                .isEqualTo((short) (second.epoch() + 1));
        assertThat(coordinator.initProducerId("a", 0, -1, (short) -1).error())
                .isEqualTo(Errors.INVALID_TRANSACTION_TIMEOUT);
    }

    @Test
    void produceNeedsTheCurrentEpochAndAnAddedPartition() {
        var p = coordinator.initProducerId("b", 60_000, -1, (short) -1);
        assertThat(coordinator.checkProduce(p.producerId(), p.epoch(), "t", 0)).isEqualTo(Errors.INVALID_TXN_STATE);
        assertThat(coordinator.addPartitions("b", p.producerId(), p.epoch(), List.of(new TxnMetadata.Tp("t", 0),
                new TxnMetadata.Tp("nope", 0)))).containsExactly(Errors.OPERATION_NOT_ATTEMPTED,
                Errors.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(coordinator.addPartitions("b", p.producerId(), p.epoch(), List.of(new TxnMetadata.Tp("t", 0))))
                .containsExactly(Errors.NONE);
        assertThat(coordinator.checkProduce(p.producerId(), p.epoch(), "t", 0)).isEqualTo(Errors.NONE);
        assertThat(coordinator.checkProduce(p.producerId(), p.epoch(), "t", 1)).isEqualTo(Errors.INVALID_TXN_STATE);
        assertThat(coordinator.checkProduce(p.producerId(), (short) (p.epoch() - 1), "t", 0))
                .isEqualTo(Errors.INVALID_PRODUCER_EPOCH);
        assertThat(coordinator.endTxn("b", p.producerId(), (short) (p.epoch() + 1), true))
                .isEqualTo(Errors.PRODUCER_FENCED);
        assertThat(coordinator.endTxn("b", p.producerId(), p.epoch(), true)).isEqualTo(Errors.NONE);
        assertThat(coordinator.endTxn("b", p.producerId(), p.epoch(), true)).as("retry").isEqualTo(Errors.NONE);
        assertThat(coordinator.checkProduce(p.producerId(), p.epoch(), "t", 0)).isEqualTo(Errors.INVALID_TXN_STATE);
    }
}
