package io.runnel.broker.group;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupResponseData;

/** One member of a classic group. Guarded by the coordinator's lock. */
final class Member {
    final String memberId;
    final String groupInstanceId;
    final String clientId;
    final String clientHost;
    int sessionTimeoutMs;
    int rebalanceTimeoutMs;
    String protocolType;
    /** Protocol name to metadata, in the member's order of preference. */
    Map<String, byte[]> protocols = new LinkedHashMap<>();
    byte[] assignment = new byte[0];
    long lastHeartbeatMs;
    CompletableFuture<JoinGroupResponseData> pendingJoin;
    CompletableFuture<SyncGroupResponseData> pendingSync;

    Member(String memberId, String groupInstanceId, String clientId, String clientHost) {
        this.memberId = memberId;
        this.groupInstanceId = groupInstanceId;
        this.clientId = clientId;
        this.clientHost = clientHost;
    }
}
