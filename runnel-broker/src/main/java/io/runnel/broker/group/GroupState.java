package io.runnel.broker.group;

/** States of a classic consumer group, with the names Kafka reports in DescribeGroups/ListGroups. */
enum GroupState {
    /** No members; may still have committed offsets. */
    EMPTY("Empty"),
    /** A rebalance started: waiting for every member to (re)send JoinGroup, or for the timeout. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** Joins answered: waiting for the leader's SyncGroup with the assignment. */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Assignment handed out; members heartbeat. */
    STABLE("Stable");

    final String kafkaName;

    GroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }
}
