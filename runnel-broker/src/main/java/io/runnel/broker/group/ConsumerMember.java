package io.runnel.broker.group;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Uuid;

/** A member of a consumer-protocol (KIP-848) group. Guarded by the coordinator's lock. */
final class ConsumerMember {
    final String memberId;
    final String clientId;
    final String clientHost;
    int memberEpoch;
    int rebalanceTimeoutMs;
    List<String> subscribedTopics = List.of();
    String subscribedRegex;
    /** {@code subscribedRegex} compiled (RE2J: matching is linear in the topic name), or null. */
    com.google.re2j.Pattern compiledRegex;
    /** What the coordinator has given the member and the member has not yet given back. */
    Map<Uuid, Set<Integer>> assigned = Map.of();
    /** What the member last reported owning. */
    Map<Uuid, Set<Integer>> owned = Map.of();
    /** The assignment last sent, so unchanged assignments are not resent. */
    Map<Uuid, Set<Integer>> lastSent;
    long lastHeartbeatMs;
    /** When a pending revocation must be done by, or 0 if none is pending. */
    long revocationDeadlineMs;

    ConsumerMember(String memberId, String clientId, String clientHost) {
        this.memberId = memberId;
        this.clientId = clientId;
        this.clientHost = clientHost;
    }
}
