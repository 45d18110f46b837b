package io.runnel.broker.group;

import io.runnel.broker.Topics;
import io.runnel.log.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer group protocol of KIP-848 (ConsumerGroupHeartbeat), with a server-side range
 * assignor. Every change of membership, subscription or subscribed-topic metadata bumps the group
 * epoch and recomputes the target assignment. Each member then converges on its target through its
 * own heartbeats: first it is sent its current assignment minus what it must give up and keeps its
 * epoch until it reports those partitions released; then it receives its target minus partitions
 * still held by other members, with the new epoch. A partition is thus never given to two members
 * at once. Members are removed after the session timeout without heartbeat, or when they do not
 * release partitions within their rebalance timeout.
 */
public final class ConsumerGroupCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroupCoordinator.class);
    private static final Set<String> ASSIGNORS = Set.of("range", "uniform");
    private static final int DEFAULT_REBALANCE_TIMEOUT_MS = 300_000;

    private final Topics topics;
    private final int sessionTimeoutMs;
    private final int heartbeatIntervalMs;
    private final Map<String, Group> groups = new HashMap<>();
    private final ScheduledFuture<?> sweeper;
    private volatile Predicate<String> classicGroupActive = id -> false;

    private static final class Group {
        final String groupId;
        int groupEpoch;
        int assignmentEpoch;
        String metadataSignature = "";
        final Map<String, ConsumerMember> members = new LinkedHashMap<>();
        Map<String, Map<Uuid, Set<Integer>>> target = Map.of();

        Group(String groupId) {
            this.groupId = groupId;
        }
    }

    public ConsumerGroupCoordinator(Topics topics, ScheduledExecutorService timer, int sessionTimeoutMs,
                                    int heartbeatIntervalMs) {
        this.topics = topics;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        this.sweeper = timer.scheduleWithFixedDelay(this::expire, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Tells this coordinator which group ids the classic protocol is using. */
    public void classicGroupActive(Predicate<String> predicate) {
        this.classicGroupActive = predicate;
    }

    /** Whether {@code groupId} is a consumer-protocol group with members. */
    public synchronized boolean isActive(String groupId) {
        Group g = groups.get(groupId);
        return g != null && !g.members.isEmpty();
    }

    /**
     * Handles a ConsumerGroupHeartbeat. The classic coordinator is asked before this one's lock is
     * taken: it asks this one under its own lock, so holding both here would deadlock.
     */
    public ConsumerGroupHeartbeatResponseData heartbeat(ConsumerGroupHeartbeatRequestData req, String clientId,
                                                        String clientHost, short version) {
        if (req.groupId() == null || req.groupId().isEmpty()) {
            return error(Errors.INVALID_REQUEST, "group id is empty");
        }
        if (classicGroupActive.test(req.groupId())) {
            return error(Errors.GROUP_ID_NOT_FOUND, "group " + req.groupId() + " is a classic group");
        }
        return heartbeatChecked(req, clientId, clientHost, version);
    }

    private synchronized ConsumerGroupHeartbeatResponseData heartbeatChecked(ConsumerGroupHeartbeatRequestData req,
                                                                             String clientId, String clientHost,
                                                                             short version) {
        if (req.serverAssignor() != null && !ASSIGNORS.contains(req.serverAssignor())) {
            return error(Errors.UNSUPPORTED_ASSIGNOR, "assignor " + req.serverAssignor() + " is not supported; use range");
        }
        if (req.memberEpoch() < 0) {
            return leave(req);
        }
        Pattern regex = null;
        if (req.subscribedTopicRegex() != null && !req.subscribedTopicRegex().isEmpty()) {
            try {
                regex = Pattern.compile(req.subscribedTopicRegex());
            } catch (PatternSyntaxException e) {
                return error(Errors.INVALID_REGULAR_EXPRESSION, "invalid regular expression '"
                        + req.subscribedTopicRegex() + "': " + e.getMessage());
            }
        }
        Group group = groups.get(req.groupId());
        ConsumerMember member;
        boolean full = req.subscribedTopicNames() != null || req.subscribedTopicRegex() != null;
        if (req.memberEpoch() == 0) {
            if (!full) {
                return error(Errors.INVALID_REQUEST, "joining needs a subscription");
            }
            String memberId = req.memberId();
            if (memberId == null || memberId.isEmpty()) {
                if (version >= 1) {
                    return error(Errors.INVALID_REQUEST, "member id is required from version 1");
                }
                memberId = UUID.randomUUID().toString();
            }
            if (group == null) {
                group = new Group(req.groupId());
                groups.put(req.groupId(), group);
            }
            member = new ConsumerMember(memberId, clientId, clientHost);
            ConsumerMember replaced = group.members.put(memberId, member);
            if (replaced != null) {
                LOG.info("Member {} of group {} rejoined with epoch 0", memberId, group.groupId);
            }
            group.groupEpoch++;
        } else {
            member = group == null ? null : group.members.get(req.memberId());
            if (member == null) {
                return error(Errors.UNKNOWN_MEMBER_ID, "member " + req.memberId() + " is not in group " + req.groupId());
            }
            if (req.memberEpoch() != member.memberEpoch) {
                return error(Errors.FENCED_MEMBER_EPOCH, "member epoch " + req.memberEpoch() + " is not the current "
                        + member.memberEpoch);
            }
        }
        updateMember(group, member, req, regex);
        maybeRecomputeTarget(group);
        Map<Uuid, Set<Integer>> toSend = reconcile(group, member);
        ConsumerGroupHeartbeatResponseData resp = new ConsumerGroupHeartbeatResponseData().setMemberId(member.memberId)
                .setMemberEpoch(member.memberEpoch).setHeartbeatIntervalMs(heartbeatIntervalMs);
        if (full || member.lastSent == null || !Assignments.same(toSend, member.lastSent)) {
            member.lastSent = toSend;
            ConsumerGroupHeartbeatResponseData.Assignment a = new ConsumerGroupHeartbeatResponseData.Assignment();
            new TreeMap<>(toSend).forEach((t, ps) -> a.topicPartitions().add(
                    new ConsumerGroupHeartbeatResponseData.TopicPartitions().setTopicId(t)
                            .setPartitions(new ArrayList<>(ps))));
            resp.setAssignment(a);
        }
        return resp;
    }

    private void updateMember(Group group, ConsumerMember m, ConsumerGroupHeartbeatRequestData req, Pattern regex) {
        m.lastHeartbeatMs = System.currentTimeMillis();
        if (req.rebalanceTimeoutMs() > 0) {
            m.rebalanceTimeoutMs = req.rebalanceTimeoutMs();
        } else if (m.rebalanceTimeoutMs <= 0) {
            m.rebalanceTimeoutMs = DEFAULT_REBALANCE_TIMEOUT_MS;
        }
        boolean changed = false;
        if (req.subscribedTopicNames() != null && !req.subscribedTopicNames().equals(m.subscribedTopics)) {
            m.subscribedTopics = List.copyOf(req.subscribedTopicNames());
            changed = true;
        }
        if (req.subscribedTopicRegex() != null && !req.subscribedTopicRegex().equals(m.subscribedRegex)) {
            m.subscribedRegex = req.subscribedTopicRegex().isEmpty() ? null : req.subscribedTopicRegex();
            m.compiledRegex = regex;
            changed = true;
        }
        if (changed && m.memberEpoch > 0) {
            group.groupEpoch++;
        }
        if (req.topicPartitions() != null) {
            Map<Uuid, Set<Integer>> owned = new HashMap<>();
            req.topicPartitions().forEach(tp -> owned.computeIfAbsent(tp.topicId(), k -> new TreeSet<>())
                    .addAll(tp.partitions()));
            m.owned = owned;
        }
    }

    private List<Topic> subscribed(ConsumerMember m) {
        Map<String, Topic> out = new TreeMap<>();
        for (String name : m.subscribedTopics) {
            Topic t = topics.find(name);
            if (t != null) {
                out.put(name, t);
            }
        }
        if (m.compiledRegex != null) {
            for (Topic t : topics.logs().topics()) {
                if (!Topics.isInternal(t.name()) && m.compiledRegex.matches(t.name())) {
                    out.put(t.name(), t);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private void maybeRecomputeTarget(Group group) {
        Map<String, List<ConsumerMember>> subscribers = new TreeMap<>();
        Map<String, Topic> byName = new HashMap<>();
        for (ConsumerMember m : group.members.values()) {
            for (Topic t : subscribed(m)) {
                subscribers.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(m);
                byName.put(t.name(), t);
            }
        }
        StringBuilder sig = new StringBuilder();
        byName.values().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(t -> sig.append(t.id()).append(':').append(t.partitionCount()).append(','));
        if (!sig.toString().equals(group.metadataSignature)) {
            group.metadataSignature = sig.toString();
            group.groupEpoch++;
        }
        if (group.assignmentEpoch == group.groupEpoch) {
            return;
        }
        Map<String, Map<Uuid, Set<Integer>>> target = new HashMap<>();
        group.members.keySet().forEach(id -> target.put(id, new HashMap<>()));
        subscribers.forEach((name, members) -> {
            Topic t = byName.get(name);
            members.sort((a, b) -> a.memberId.compareTo(b.memberId));
            int n = t.partitionCount();
            int k = members.size();
            int partition = 0;
            for (int i = 0; i < k; i++) {
                int count = n / k + (i < n % k ? 1 : 0);
                Set<Integer> ps = new TreeSet<>();
                for (int j = 0; j < count; j++) {
                    ps.add(partition++);
                }
                if (!ps.isEmpty()) {
                    target.get(members.get(i).memberId).put(Topics.toKafka(t.id()), ps);
                }
            }
        });
        group.target = target;
        group.assignmentEpoch = group.groupEpoch;
        LOG.info("Group {} epoch {}: new target assignment for {} members", group.groupId, group.groupEpoch,
                group.members.size());
    }

    /** Moves the member one step towards its target; returns the assignment it should now have. */
    private Map<Uuid, Set<Integer>> reconcile(Group group, ConsumerMember m) {
        Map<Uuid, Set<Integer>> target = group.target.getOrDefault(m.memberId, Map.of());
        Map<Uuid, Set<Integer>> keep = Assignments.intersect(m.assigned, target);
        if (!Assignments.same(keep, m.assigned)) {
            boolean released = m.lastSent != null && Assignments.same(m.lastSent, keep)
                    && Assignments.isEmpty(Assignments.minus(m.owned, keep));
            if (!released) {
                if (m.revocationDeadlineMs == 0) {
                    m.revocationDeadlineMs = System.currentTimeMillis() + m.rebalanceTimeoutMs;
                }
                return keep;
            }
            m.assigned = keep;
        }
        m.revocationDeadlineMs = 0;
        Map<Uuid, Set<Integer>> heldByOthers = new HashMap<>();
        for (ConsumerMember other : group.members.values()) {
            if (other != m) {
                heldByOthers = Assignments.union(heldByOthers, other.assigned);
            }
        }
        m.assigned = Assignments.minus(target, heldByOthers);
        m.memberEpoch = group.assignmentEpoch;
        return m.assigned;
    }

    private ConsumerGroupHeartbeatResponseData leave(ConsumerGroupHeartbeatRequestData req) {
        Group group = groups.get(req.groupId());
        ConsumerMember m = group == null ? null : group.members.remove(req.memberId());
        if (m == null) {
            return error(Errors.UNKNOWN_MEMBER_ID, "member " + req.memberId() + " is not in group " + req.groupId());
        }
        group.groupEpoch++;
        LOG.info("Member {} left group {}", m.memberId, group.groupId);
        return new ConsumerGroupHeartbeatResponseData().setMemberId(m.memberId).setMemberEpoch(req.memberEpoch())
                .setHeartbeatIntervalMs(heartbeatIntervalMs);
    }

    private synchronized void expire() {
        long now = System.currentTimeMillis();
        for (Group g : groups.values()) {
            for (ConsumerMember m : new ArrayList<>(g.members.values())) {
                boolean silent = now - m.lastHeartbeatMs > sessionTimeoutMs;
                boolean stuck = m.revocationDeadlineMs > 0 && now > m.revocationDeadlineMs;
                if (silent || stuck) {
                    g.members.remove(m.memberId);
                    g.groupEpoch++;
                    LOG.info("Removed member {} of group {}: {}", m.memberId, g.groupId,
                            silent ? "session timed out" : "did not release partitions in its rebalance timeout");
                }
            }
        }
        groups.values().removeIf(g -> g.members.isEmpty());
    }

    /**
     * Checks an OffsetCommit against this protocol's groups: null if the group is not a
     * consumer-protocol group (the classic coordinator decides), else the error or NONE.
     */
    public synchronized Errors validateCommit(String groupId, String memberId, int memberEpoch) {
        Group g = groups.get(groupId);
        if (g == null || g.members.isEmpty()) {
            return null;
        }
        ConsumerMember m = memberId == null ? null : g.members.get(memberId);
        if (m == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        return memberEpoch == m.memberEpoch ? Errors.NONE : Errors.STALE_MEMBER_EPOCH;
    }

    /** Group ids with members, and their state as ListGroups reports it. */
    public synchronized Map<String, String> groupStates() {
        Map<String, String> out = new TreeMap<>();
        groups.forEach((id, g) -> {
            boolean stable = g.members.values().stream().allMatch(m -> m.memberEpoch == g.assignmentEpoch
                    && m.revocationDeadlineMs == 0);
            out.put(id, g.members.isEmpty() ? "Empty" : stable ? "Stable" : "Reconciling");
        });
        return out;
    }

    /** ConsumerGroupDescribe of one group, or GROUP_ID_NOT_FOUND if it is not a consumer-protocol group. */
    public synchronized ConsumerGroupDescribeResponseData.DescribedGroup describe(String groupId) {
        ConsumerGroupDescribeResponseData.DescribedGroup d = new ConsumerGroupDescribeResponseData.DescribedGroup()
                .setGroupId(groupId).setAuthorizedOperations(Integer.MIN_VALUE);
        Group g = groups.get(groupId);
        if (g == null) {
            return d.setErrorCode(Errors.GROUP_ID_NOT_FOUND.code())
                    .setErrorMessage("group " + groupId + " is not a consumer-protocol group");
        }
        d.setGroupState(groupStates().get(groupId)).setGroupEpoch(g.groupEpoch).setAssignmentEpoch(g.assignmentEpoch)
                .setAssignorName("range");
        for (ConsumerMember m : g.members.values()) {
            d.members().add(new ConsumerGroupDescribeResponseData.Member().setMemberId(m.memberId)
                    .setMemberEpoch(m.memberEpoch).setClientId(m.clientId).setClientHost(m.clientHost)
                    .setSubscribedTopicNames(m.subscribedTopics).setSubscribedTopicRegex(m.subscribedRegex)
                    .setAssignment(describe(m.assigned))
                    .setTargetAssignment(describe(g.target.getOrDefault(m.memberId, Map.of()))));
        }
        return d;
    }

    private ConsumerGroupDescribeResponseData.Assignment describe(Map<Uuid, Set<Integer>> assignment) {
        ConsumerGroupDescribeResponseData.Assignment a = new ConsumerGroupDescribeResponseData.Assignment();
        new TreeMap<>(assignment).forEach((id, ps) -> {
            Topic t = topics.find(null, id);
            a.topicPartitions().add(new ConsumerGroupDescribeResponseData.TopicPartitions().setTopicId(id)
                    .setTopicName(t == null ? "" : t.name()).setPartitions(new ArrayList<>(ps)));
        });
        return a;
    }

    private static ConsumerGroupHeartbeatResponseData error(Errors error, String message) {
        return new ConsumerGroupHeartbeatResponseData().setErrorCode(error.code()).setErrorMessage(message);
    }

    @Override
    public synchronized void close() {
        sweeper.cancel(false);
        groups.clear();
    }
}
