package io.runnel.broker;

import io.runnel.broker.txn.TxnPartitions;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;

/** Deletes topics together with the broker-side state kept per partition. */
final class TopicAdmin {
    private final Topics topics;
    private final PartitionStates states;
    private final FetchWaiters waiters;
    private final TxnPartitions txnPartitions;

    TopicAdmin(Topics topics, PartitionStates states, FetchWaiters waiters, TxnPartitions txnPartitions) {
        this.txnPartitions = txnPartitions;
        this.topics = topics;
        this.states = states;
        this.waiters = waiters;
    }

    void delete(Topic topic) {
        topics.logs().deleteTopic(topic.name());
        for (PartitionLog p : topic.partitions()) {
            states.forget(p);
            waiters.forget(p);
            txnPartitions.forget(p);
        }
    }
}
