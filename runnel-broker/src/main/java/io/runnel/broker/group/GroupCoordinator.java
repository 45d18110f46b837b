package io.runnel.broker.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic group protocol. A join moves the group to PreparingRebalance; the join phase ends
 * when every known member has rejoined, or when the rebalance timeout drops the ones that did not
 * (a new group first waits {@code group.initial.rebalance.delay.ms}). Then every join is answered
 * (the leader gets the member list), the group waits for the leader's SyncGroup, hands each member
 * its assignment and is Stable. Members that stop heartbeating past their session timeout are
 * removed, which starts a rebalance. One lock guards all groups: group traffic is light.
 */
public final class GroupCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCoordinator.class);

    private final Map<String, ClassicGroup> groups = new HashMap<>();
    private final ScheduledExecutorService timer;
    private final int initialDelayMs;
    private final int minSessionMs;
    private final int maxSessionMs;
    private final ScheduledFuture<?> sweeper;
    private volatile java.util.function.Predicate<String> consumerGroupActive = id -> false;

    public GroupCoordinator(ScheduledExecutorService timer, int initialDelayMs, int minSessionMs, int maxSessionMs) {
        this.timer = timer;
        this.initialDelayMs = initialDelayMs;
        this.minSessionMs = minSessionMs;
        this.maxSessionMs = maxSessionMs;
        this.sweeper = timer.scheduleWithFixedDelay(this::expireMembers, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Tells this coordinator which group ids the consumer (KIP-848) protocol is using. */
    public void consumerGroupActive(java.util.function.Predicate<String> predicate) {
        this.consumerGroupActive = predicate;
    }

    /** Whether {@code groupId} is a classic group with members. */
    public synchronized boolean isActive(String groupId) {
        ClassicGroup g = groups.get(groupId);
        return g != null && !g.members.isEmpty();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    /**
     * Handles a JoinGroup; the future completes when the join phase ends (or at once on error).
     * The consumer-protocol coordinator is asked before this one's lock is taken: it asks this one
     * under its own lock, so holding both here would deadlock.
     */
    public CompletableFuture<JoinGroupResponseData> join(JoinGroupRequestData req, String clientId,
                                                         String clientHost, short version) {
        if (req.sessionTimeoutMs() < minSessionMs || req.sessionTimeoutMs() > maxSessionMs) {
            return joinError(Errors.INVALID_SESSION_TIMEOUT, req.memberId());
        }
        if (req.groupId() == null || req.groupId().isEmpty()) {
            return joinError(Errors.INVALID_GROUP_ID, req.memberId());
        }
        if (consumerGroupActive.test(req.groupId())) {
            return joinError(Errors.INCONSISTENT_GROUP_PROTOCOL, req.memberId());
        }
        return joinChecked(req, clientId, clientHost, version);
    }

    private synchronized CompletableFuture<JoinGroupResponseData> joinChecked(JoinGroupRequestData req,
                                                                              String clientId, String clientHost,
                                                                              short version) {
        ClassicGroup group = groups.get(req.groupId());
        if (group == null) {
            if (!req.memberId().isEmpty()) {
                return joinError(Errors.UNKNOWN_MEMBER_ID, req.memberId());
            }
            group = new ClassicGroup(req.groupId());
            groups.put(req.groupId(), group);
        }
        if (!group.members.isEmpty() && (!req.protocolType().equals(group.protocolType)
                || !sharesProtocol(group, req))) {
            return joinError(Errors.INCONSISTENT_GROUP_PROTOCOL, req.memberId());
        }
        Member member;
        String instanceId = req.groupInstanceId();
        if (instanceId != null && req.memberId().isEmpty()) {
            member = joinStatic(group, req, clientId, clientHost);
            if (member.pendingJoin != null && member.pendingJoin.isDone()) {
                CompletableFuture<JoinGroupResponseData> answered = member.pendingJoin;
                member.pendingJoin = null;
                return answered;
            }
        } else if (instanceId != null && group.staticMembers.containsKey(instanceId)
                && !req.memberId().equals(group.staticMembers.get(instanceId))) {
            return joinError(Errors.FENCED_INSTANCE_ID, req.memberId());
        } else if (req.memberId().isEmpty()) {
            String id = clientId + "-" + UUID.randomUUID();
            if (version >= 4) {
                group.addPendingMemberId(id);
                return joinError(Errors.MEMBER_ID_REQUIRED, id);
            }
            member = addMember(group, id, req, clientId, clientHost);
        } else {
            member = group.members.get(req.memberId());
            if (member == null) {
                if (!group.pendingMemberIds.remove(req.memberId())) {
                    return joinError(Errors.UNKNOWN_MEMBER_ID, req.memberId());
                }
                member = addMember(group, req.memberId(), req, clientId, clientHost);
            }
        }
        updateMember(member, req);
        if (member.pendingJoin != null) {
            member.pendingJoin.complete(joinResponse(Errors.REBALANCE_IN_PROGRESS, member.memberId));
        }
        CompletableFuture<JoinGroupResponseData> future = new CompletableFuture<>();
        member.pendingJoin = future;
        if (group.state != GroupState.PREPARING_REBALANCE) {
            prepareRebalance(group, group.state == GroupState.EMPTY);
        }
        maybeCompleteJoin(group);
        return future;
    }

    /**
     * A static member (re)joining without a member id: it takes over its instance's place, fencing
     * the previous holder. If the group is Stable, the member is not the leader and its protocols
     * are unchanged, it is answered at once with the current generation (no rebalance); its
     * SyncGroup then returns the assignment it had. The answer is left completed in
     * {@code pendingJoin} for the caller to return.
     */
    private Member joinStatic(ClassicGroup group, JoinGroupRequestData req, String clientId, String clientHost) {
        String instanceId = req.groupInstanceId();
        String oldId = group.staticMembers.get(instanceId);
        Member old = oldId == null ? null : group.removeMember(oldId);
        Member m = addMember(group, instanceId + "-" + UUID.randomUUID(), req, clientId, clientHost);
        group.staticMembers.put(instanceId, m.memberId);
        if (old == null) {
            return m;
        }
        fence(old);
        m.assignment = old.assignment;
        if (oldId.equals(group.leaderId)) {
            group.leaderId = m.memberId;
        }
        boolean sameProtocols = old.protocols.keySet().equals(protocolNames(req)) && req.protocols().stream()
                .allMatch(p -> java.util.Arrays.equals(old.protocols.get(p.name()), p.metadata()));
        if (group.state == GroupState.STABLE && sameProtocols && !m.memberId.equals(group.leaderId)) {
            updateMember(m, req);
            m.pendingJoin = CompletableFuture.completedFuture(new JoinGroupResponseData()
                    .setGenerationId(group.generation).setProtocolType(group.protocolType)
                    .setProtocolName(group.protocolName).setLeader(group.leaderId).setMemberId(m.memberId));
            LOG.info("Static member {} of group {} rejoined as {} without a rebalance", instanceId, group.groupId,
                    m.memberId);
        }
        return m;
    }

    private static java.util.Set<String> protocolNames(JoinGroupRequestData req) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        req.protocols().forEach(p -> names.add(p.name()));
        return names;
    }

    private static void fence(Member old) {
        if (old.pendingJoin != null) {
            old.pendingJoin.complete(joinResponse(Errors.FENCED_INSTANCE_ID, old.memberId));
            old.pendingJoin = null;
        }
        if (old.pendingSync != null) {
            old.pendingSync.complete(new SyncGroupResponseData().setErrorCode(Errors.FENCED_INSTANCE_ID.code())
                    .setAssignment(new byte[0]));
            old.pendingSync = null;
        }
    }

    /** FENCED_INSTANCE_ID if {@code instanceId} now belongs to another member, else NONE. */
    public synchronized Errors checkInstance(String groupId, String memberId, String instanceId) {
        ClassicGroup group = groups.get(groupId);
        if (instanceId == null || group == null) {
            return Errors.NONE;
        }
        String holder = group.staticMembers.get(instanceId);
        return holder != null && !holder.equals(memberId) ? Errors.FENCED_INSTANCE_ID : Errors.NONE;
    }

    /** The member id holding a static instance id, or null. */
    public synchronized String memberIdOf(String groupId, String instanceId) {
        ClassicGroup group = groups.get(groupId);
        return group == null ? null : group.staticMembers.get(instanceId);
    }

    private static boolean sharesProtocol(ClassicGroup group, JoinGroupRequestData req) {
        for (Member m : group.members.values()) {
            boolean any = false;
            for (JoinGroupRequestData.JoinGroupRequestProtocol p : req.protocols()) {
                any |= m.protocols.containsKey(p.name());
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static Member addMember(ClassicGroup group, String id, JoinGroupRequestData req, String clientId,
                                    String clientHost) {
        Member m = new Member(id, req.groupInstanceId(), clientId, clientHost);
        group.members.put(id, m);
        if (group.members.size() == 1) {
            group.protocolType = req.protocolType();
        }
        return m;
    }

    private static void updateMember(Member m, JoinGroupRequestData req) {
        m.sessionTimeoutMs = req.sessionTimeoutMs();
        m.rebalanceTimeoutMs = req.rebalanceTimeoutMs() < 0 ? req.sessionTimeoutMs() : req.rebalanceTimeoutMs();
        m.protocolType = req.protocolType();
        Map<String, byte[]> protocols = new LinkedHashMap<>();
        req.protocols().forEach(p -> protocols.put(p.name(), p.metadata()));
        m.protocols = protocols;
        m.lastHeartbeatMs = now();
    }

    private void prepareRebalance(ClassicGroup group, boolean initial) {
        if (group.state == GroupState.COMPLETING_REBALANCE) {
            failPendingSyncs(group, Errors.REBALANCE_IN_PROGRESS);
        }
        group.state = GroupState.PREPARING_REBALANCE;
        group.rebalanceId++;
        if (group.joinTimer != null) {
            group.joinTimer.cancel(false);
        }
        int delay = initial ? initialDelayMs : group.maxRebalanceTimeoutMs();
        group.initialDelayPending = initial && delay > 0;
        int id = group.rebalanceId;
        group.joinTimer = timer.schedule(() -> onJoinTimeout(group, id), Math.max(1, delay), TimeUnit.MILLISECONDS);
        LOG.debug("Group {} preparing rebalance (generation {})", group.groupId, group.generation);
    }

    private synchronized void onJoinTimeout(ClassicGroup group, int rebalanceId) {
        if (group.state != GroupState.PREPARING_REBALANCE || group.rebalanceId != rebalanceId) {
            return;
        }
        if (group.initialDelayPending && !group.allMembersJoined()) {
            // initial delay over; now give stragglers the normal rebalance timeout
            group.initialDelayPending = false;
            group.joinTimer = timer.schedule(() -> onJoinTimeout(group, rebalanceId),
                    Math.max(1, group.maxRebalanceTimeoutMs()), TimeUnit.MILLISECONDS);
            return;
        }
        completeJoin(group);
    }

    private void maybeCompleteJoin(ClassicGroup group) {
        if (group.state == GroupState.PREPARING_REBALANCE && !group.initialDelayPending && group.allMembersJoined()) {
            completeJoin(group);
        }
    }

    private void completeJoin(ClassicGroup group) {
        if (group.joinTimer != null) {
            group.joinTimer.cancel(false);
            group.joinTimer = null;
        }
        group.initialDelayPending = false;
        for (Member m : new ArrayList<>(group.members.values())) {
            if (m.pendingJoin == null) {
                group.removeMember(m.memberId);
            }
        }
        group.generation++;
        if (group.members.isEmpty()) {
            toEmpty(group);
            return;
        }
        if (group.leaderId == null || !group.members.containsKey(group.leaderId)) {
            group.leaderId = group.members.keySet().iterator().next();
        }
        group.protocolName = selectProtocol(group);
        if (group.protocolName == null) {
            for (Member m : new ArrayList<>(group.members.values())) {
                m.pendingJoin.complete(joinResponse(Errors.INCONSISTENT_GROUP_PROTOCOL, m.memberId));
            }
            group.members.clear();
            group.staticMembers.clear();
            toEmpty(group);
            return;
        }
        group.state = GroupState.COMPLETING_REBALANCE;
        long now = now();
        for (Member m : group.members.values()) {
            JoinGroupResponseData resp = new JoinGroupResponseData().setGenerationId(group.generation)
                    .setProtocolType(group.protocolType).setProtocolName(group.protocolName)
                    .setLeader(group.leaderId).setMemberId(m.memberId);
            if (m.memberId.equals(group.leaderId)) {
                for (Member other : group.members.values()) {
                    resp.members().add(new JoinGroupResponseData.JoinGroupResponseMember()
                            .setMemberId(other.memberId).setGroupInstanceId(other.groupInstanceId)
                            .setMetadata(other.protocols.get(group.protocolName)));
                }
            }
            m.lastHeartbeatMs = now;
            CompletableFuture<JoinGroupResponseData> f = m.pendingJoin;
            m.pendingJoin = null;
            f.complete(resp);
        }
        LOG.info("Group {} generation {}: {} members, leader {}, protocol {}", group.groupId, group.generation,
                group.members.size(), group.leaderId, group.protocolName);
    }

    private static String selectProtocol(ClassicGroup group) {
        Member leader = group.members.get(group.leaderId);
        for (String name : leader.protocols.keySet()) {
            boolean all = true;
            for (Member m : group.members.values()) {
                all &= m.protocols.containsKey(name);
            }
            if (all) {
                return name;
            }
        }
        return null;
    }

    private void toEmpty(ClassicGroup group) {
        failPendingSyncs(group, Errors.REBALANCE_IN_PROGRESS);
        if (group.joinTimer != null) {
            group.joinTimer.cancel(false);
            group.joinTimer = null;
        }
        group.state = GroupState.EMPTY;
        group.leaderId = null;
        group.protocolName = null;
        group.initialDelayPending = false;
        LOG.info("Group {} is empty (generation {})", group.groupId, group.generation);
    }

    private static void failPendingSyncs(ClassicGroup group, Errors error) {
        for (Member m : group.members.values()) {
            if (m.pendingSync != null) {
                CompletableFuture<SyncGroupResponseData> f = m.pendingSync;
                m.pendingSync = null;
                f.complete(new SyncGroupResponseData().setErrorCode(error.code()).setAssignment(new byte[0]));
            }
        }
    }

    /** Handles a SyncGroup; followers wait until the leader's assignment arrives. */
    public synchronized CompletableFuture<SyncGroupResponseData> sync(SyncGroupRequestData req) {
        ClassicGroup group = groups.get(req.groupId());
        if (group != null && req.groupInstanceId() != null && group.staticMembers.containsKey(req.groupInstanceId())
                && !req.memberId().equals(group.staticMembers.get(req.groupInstanceId()))) {
            return syncError(Errors.FENCED_INSTANCE_ID);
        }
        Member m = group == null ? null : group.members.get(req.memberId());
        if (m == null) {
            return syncError(Errors.UNKNOWN_MEMBER_ID);
        }
        if (req.generationId() != group.generation) {
            return syncError(Errors.ILLEGAL_GENERATION);
        }
        if ((req.protocolType() != null && !req.protocolType().equals(group.protocolType))
                || (req.protocolName() != null && !req.protocolName().equals(group.protocolName))) {
            return syncError(Errors.INCONSISTENT_GROUP_PROTOCOL);
        }
        m.lastHeartbeatMs = now();
        switch (group.state) {
            case STABLE:
                return CompletableFuture.completedFuture(syncResponse(group, m));
            case COMPLETING_REBALANCE:
                CompletableFuture<SyncGroupResponseData> f = new CompletableFuture<>();
                m.pendingSync = f;
                if (m.memberId.equals(group.leaderId)) {
                    for (Member x : group.members.values()) {
                        x.assignment = new byte[0];
                    }
                    for (SyncGroupRequestData.SyncGroupRequestAssignment a : req.assignments()) {
                        Member x = group.members.get(a.memberId());
                        if (x != null) {
                            x.assignment = a.assignment();
                        }
                    }
                    group.state = GroupState.STABLE;
                    for (Member x : group.members.values()) {
                        if (x.pendingSync != null) {
                            CompletableFuture<SyncGroupResponseData> pending = x.pendingSync;
                            x.pendingSync = null;
                            pending.complete(syncResponse(group, x));
                        }
                    }
                }
                return f;
            default:
                return syncError(Errors.REBALANCE_IN_PROGRESS);
        }
    }

    private static SyncGroupResponseData syncResponse(ClassicGroup group, Member m) {
        return new SyncGroupResponseData().setProtocolType(group.protocolType).setProtocolName(group.protocolName)
                .setAssignment(m.assignment);
    }

    /** Handles a Heartbeat. */
    public synchronized Errors heartbeat(String groupId, String memberId, int generation) {
        ClassicGroup group = groups.get(groupId);
        Member m = group == null ? null : group.members.get(memberId);
        if (m == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (generation != group.generation) {
            return Errors.ILLEGAL_GENERATION;
        }
        m.lastHeartbeatMs = now();
        return group.state == GroupState.PREPARING_REBALANCE ? Errors.REBALANCE_IN_PROGRESS : Errors.NONE;
    }

    /** Removes members (LeaveGroup); returns an error per member id, in order. */
    public synchronized List<Errors> leave(String groupId, List<String> memberIds) {
        ClassicGroup group = groups.get(groupId);
        List<Errors> result = new ArrayList<>();
        boolean removed = false;
        for (String id : memberIds) {
            Member m = group == null ? null : group.removeMember(id);
            if (m == null) {
                result.add(Errors.UNKNOWN_MEMBER_ID);
                continue;
            }
            result.add(Errors.NONE);
            removed = true;
            finishRemoved(m);
            LOG.info("Member {} left group {}", id, groupId);
        }
        if (removed) {
            afterRemoval(group);
        }
        return result;
    }

    private static void finishRemoved(Member m) {
        if (m.pendingJoin != null) {
            m.pendingJoin.complete(joinResponse(Errors.UNKNOWN_MEMBER_ID, m.memberId));
            m.pendingJoin = null;
        }
        if (m.pendingSync != null) {
            m.pendingSync.complete(new SyncGroupResponseData().setErrorCode(Errors.UNKNOWN_MEMBER_ID.code())
                    .setAssignment(new byte[0]));
            m.pendingSync = null;
        }
    }

    private void afterRemoval(ClassicGroup group) {
        if (group.members.isEmpty()) {
            group.generation++;
            toEmpty(group);
            return;
        }
        if (group.state != GroupState.PREPARING_REBALANCE) {
            prepareRebalance(group, false);
        }
        maybeCompleteJoin(group);
    }

    private synchronized void expireMembers() {
        long now = now();
        for (ClassicGroup group : groups.values()) {
            boolean removed = false;
            for (Member m : new ArrayList<>(group.members.values())) {
                if (m.pendingJoin == null && m.pendingSync == null && now - m.lastHeartbeatMs > m.sessionTimeoutMs) {
                    group.removeMember(m.memberId);
                    LOG.info("Member {} of group {} expired after {} ms without heartbeat", m.memberId,
                            group.groupId, now - m.lastHeartbeatMs);
                    removed = true;
                }
            }
            if (removed) {
                afterRemoval(group);
            }
        }
        groups.values().removeIf(g -> g.state == GroupState.EMPTY && g.members.isEmpty()
                && g.pendingMemberIds.isEmpty() && g.joinTimer == null);
    }

    /**
     * Checks an OffsetCommit's member and generation. Commits with no member and generation -1
     * (standalone consumers) are allowed only while the group has no members.
     */
    public synchronized Errors validateCommit(String groupId, String memberId, int generation) {
        ClassicGroup group = groups.get(groupId);
        if (generation < 0 && (memberId == null || memberId.isEmpty())) {
            return group == null || group.members.isEmpty() ? Errors.NONE : Errors.UNKNOWN_MEMBER_ID;
        }
        Member m = group == null ? null : group.members.get(memberId);
        if (m == null) {
            return group == null ? Errors.ILLEGAL_GENERATION : Errors.UNKNOWN_MEMBER_ID;
        }
        if (generation != group.generation) {
            return Errors.ILLEGAL_GENERATION;
        }
        if (group.state == GroupState.COMPLETING_REBALANCE) {
            return Errors.REBALANCE_IN_PROGRESS;
        }
        m.lastHeartbeatMs = now();
        return Errors.NONE;
    }

    /** A snapshot of one group for DescribeGroups/ListGroups, or null if unknown. */
    public synchronized GroupView describe(String groupId) {
        ClassicGroup g = groups.get(groupId);
        if (g == null) {
            return null;
        }
        List<GroupView.MemberView> members = new ArrayList<>();
        for (Member m : g.members.values()) {
            members.add(new GroupView.MemberView(m.memberId, m.groupInstanceId, m.clientId, m.clientHost,
                    g.protocolName == null ? new byte[0] : m.protocols.getOrDefault(g.protocolName, new byte[0]),
                    g.state == GroupState.STABLE ? m.assignment : new byte[0]));
        }
        return new GroupView(g.groupId, g.state.kafkaName, g.protocolType == null ? "" : g.protocolType,
                g.protocolName == null ? "" : g.protocolName, members);
    }

    /** Forgets a classic group without members (DeleteGroups), so ListGroups no longer shows it. */
    public synchronized void removeIfEmpty(String groupId) {
        ClassicGroup g = groups.get(groupId);
        if (g != null && g.members.isEmpty()) {
            if (g.joinTimer != null) {
                g.joinTimer.cancel(false);
            }
            groups.remove(groupId);
        }
    }

    public synchronized List<String> groupIds() {
        return new ArrayList<>(groups.keySet());
    }

    private static CompletableFuture<JoinGroupResponseData> joinError(Errors error, String memberId) {
        return CompletableFuture.completedFuture(joinResponse(error, memberId));
    }

    private static JoinGroupResponseData joinResponse(Errors error, String memberId) {
        return new JoinGroupResponseData().setErrorCode(error.code()).setGenerationId(-1)
                .setProtocolName("").setLeader("").setMemberId(memberId == null ? "" : memberId);
    }

    private static CompletableFuture<SyncGroupResponseData> syncError(Errors error) {
        return CompletableFuture.completedFuture(new SyncGroupResponseData().setErrorCode(error.code())
                .setAssignment(new byte[0]));
    }

    @Override
    public synchronized void close() {
        sweeper.cancel(false);
        for (ClassicGroup g : groups.values()) {
            for (Member m : g.members.values()) {
                finishRemoved(m);
            }
        }
        groups.clear();
    }
}
