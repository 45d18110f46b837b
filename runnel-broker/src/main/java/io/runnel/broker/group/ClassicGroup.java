package io.runnel.broker.group;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/** A classic consumer group's membership and rebalance state. Guarded by the coordinator's lock. */
final class ClassicGroup {
    /** Member ids handed out by MEMBER_ID_REQUIRED but not yet used; bounded. */
    static final int MAX_PENDING_MEMBER_IDS = 1000;

    final String groupId;
    GroupState state = GroupState.EMPTY;
    int generation;
    String protocolType;
    String protocolName;
    String leaderId;
    final Map<String, Member> members = new LinkedHashMap<>();
    final Set<String> pendingMemberIds = new LinkedHashSet<>();
    /** Static members (KIP-345): group.instance.id to the member id currently holding it. */
    final Map<String, String> staticMembers = new java.util.HashMap<>();
    /** Completes the current join phase when it fires. */
    ScheduledFuture<?> joinTimer;
    /** True while a new group waits {@code group.initial.rebalance.delay.ms} for more members. */
    boolean initialDelayPending;
    /** Increments per rebalance, so a stale timer can tell it is stale. */
    int rebalanceId;

    ClassicGroup(String groupId) {
        this.groupId = groupId;
    }

    void addPendingMemberId(String memberId) {
        if (pendingMemberIds.size() >= MAX_PENDING_MEMBER_IDS) {
            pendingMemberIds.remove(pendingMemberIds.iterator().next());
        }
        pendingMemberIds.add(memberId);
    }

    /** Removes a member, and its static instance mapping if it still points to it. */
    Member removeMember(String memberId) {
        Member m = members.remove(memberId);
        if (m != null && m.groupInstanceId != null) {
            staticMembers.remove(m.groupInstanceId, memberId);
        }
        return m;
    }

    int maxRebalanceTimeoutMs() {
        int max = 0;
        for (Member m : members.values()) {
            max = Math.max(max, m.rebalanceTimeoutMs);
        }
        return max;
    }

    boolean allMembersJoined() {
        for (Member m : members.values()) {
            if (m.pendingJoin == null) {
                return false;
            }
        }
        return true;
    }
}
