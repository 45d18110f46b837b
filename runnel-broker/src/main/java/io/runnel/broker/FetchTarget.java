package io.runnel.broker;

import org.apache.kafka.common.Uuid;

/**
 * One partition a fetch reads: how the client named it (by name before Fetch v13, by topic id
 * from v13), where to read and how much. In a fetch session it also remembers what the last
 * response said about the partition, so an incremental response can leave it out when nothing changed.
 */
final class FetchTarget {
    final String topic;
    final Uuid topicId;
    final int partition;
    long fetchOffset;
    int maxBytes;
    int currentLeaderEpoch;
    /** Last sent high watermark, last stable offset and log start; -2 before the first response. */
    long sentHighWatermark = -2;
    long sentLastStable = -2;
    long sentLogStart = -2;

    FetchTarget(String topic, Uuid topicId, int partition, long fetchOffset, int maxBytes, int currentLeaderEpoch) {
        this.topic = topic;
        this.topicId = topicId;
        this.partition = partition;
        this.fetchOffset = fetchOffset;
        this.maxBytes = maxBytes;
        this.currentLeaderEpoch = currentLeaderEpoch;
    }

    /** The key of a partition within a session: the topic id from v13 (names are empty there), else the name. */
    record Key(String topic, Uuid topicId, int partition) {
        static Key of(String topic, Uuid topicId, int partition) {
            boolean byId = topic == null || topic.isEmpty();
            return new Key(byId ? "" : topic, byId ? topicId : Uuid.ZERO_UUID, partition);
        }
    }

    Key key() {
        return Key.of(topic, topicId, partition);
    }
}
