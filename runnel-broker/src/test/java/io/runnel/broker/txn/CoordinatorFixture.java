package io.runnel.broker.txn;

import io.runnel.broker.BrokerConfig;
import io.runnel.broker.ProducerIdManager;
import io.runnel.broker.Topics;
import io.runnel.broker.group.OffsetStore;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A transaction coordinator over a real log directory, as the broker wires it: a topic {@code t} of
 * two partitions, the internal offsets and transaction-state topics, a timer. For tests that drive
 * the coordinator (or a handler beside it) without a network.
 */
public final class CoordinatorFixture implements AutoCloseable {
    public final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    public final LogManager logs;
    public final Topics topics;
    public final TxnPartitions partitions;
    public final TransactionCoordinator coordinator;

    public CoordinatorFixture(Path dir, TxnPartitions partitions, Consumer<PartitionLog> onAppend) {
        BrokerConfig config = BrokerConfig.of(Map.of("log.dirs", dir.toString()));
        this.partitions = partitions;
        logs = LogManager.open(dir, config.logConfig());
        logs.createTopic("t", 2, Map.of());
        topics = new Topics(logs, config);
        coordinator = new TransactionCoordinator(topics, partitions,
                new OffsetStore(logs.createTopic("__consumer_offsets", 1, Map.of()).partition(0)),
                new ProducerIdManager(dir), logs.createTopic("__transaction_state", 1, Map.of()).partition(0),
                onAppend, 900_000, timer);
    }

    @Override
    public void close() {
        coordinator.close();
        logs.close();
        timer.shutdownNow();
    }
}
