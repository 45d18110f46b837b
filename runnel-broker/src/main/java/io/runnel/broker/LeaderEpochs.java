package io.runnel.broker;

import io.runnel.log.PartitionLog;
import org.apache.kafka.common.protocol.Errors;

/** The client's view of a partition's leader epoch against the broker's (KIP-320), as Kafka checks it. */
final class LeaderEpochs {
    /** A request's "current leader epoch" of -1: the client does not know it, so nothing is checked. */
    static final int NO_EPOCH = -1;

    private LeaderEpochs() {
    }

    /**
     * NONE if the client's epoch is the current one (or not given); FENCED_LEADER_EPOCH if the
     * client's metadata is older, UNKNOWN_LEADER_EPOCH if it is newer than this broker's.
     */
    static Errors check(int clientEpoch, PartitionLog log) {
        if (clientEpoch == NO_EPOCH) {
            return Errors.NONE;
        }
        int current = log.leaderEpoch();
        return clientEpoch < current ? Errors.FENCED_LEADER_EPOCH
                : clientEpoch > current ? Errors.UNKNOWN_LEADER_EPOCH : Errors.NONE;
    }
}
