package io.runnel.api.graph;

/** How records travel from one operator's subtasks to the next's. */
public enum Partitioning {
    /** Subtask i to subtask i (chained when parallelism matches). */
    FORWARD,
    /** By the hash of the key, through key groups. */
    HASH,
    /** Round-robin over all downstream subtasks. */
    REBALANCE,
    /** Every record to every downstream subtask. */
    BROADCAST
}
