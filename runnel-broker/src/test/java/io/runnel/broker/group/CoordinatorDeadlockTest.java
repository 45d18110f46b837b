package io.runnel.broker.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.runnel.broker.BrokerConfig;
import io.runnel.broker.Topics;
import io.runnel.log.LogManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic and the consumer-protocol coordinators each ask the other whether a group id is
 * taken. Driven from many threads at once over the same few group ids, they must never deadlock
 * (they did when each asked under its own lock).
 */
class CoordinatorDeadlockTest {
    private static final int GROUPS = 3;
    private static final int ROUNDS = 2_000;

    @TempDir
    Path dir;

    @Test
    void bothCoordinatorsDrivenConcurrentlyNeverDeadlock() throws Exception {
        BrokerConfig config = BrokerConfig.of(Map.of("log.dirs", dir.toString(), "port", "0"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        LogManager logs = LogManager.open(dir, config.logConfig());
        GroupCoordinator classic = new GroupCoordinator(timer, 0, 10, 60_000);
        ConsumerGroupCoordinator consumer = new ConsumerGroupCoordinator(new Topics(logs, config), timer, 45_000,
                5_000);
        classic.consumerGroupActive(consumer::isActive);
        consumer.classicGroupActive(classic::isActive);
        AtomicInteger joined = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            runs.add(workers.submit(() -> joinAndLeaveClassic(classic, thread, joined)));
            runs.add(workers.submit(() -> joinAndLeaveConsumer(consumer, thread, joined)));
            runs.add(workers.submit(() -> listAndDescribe(classic, consumer)));
        }
        for (Future<?> run : runs) {
            try {
                run.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // deadlocked threads hold the coordinators' locks: closing them would hang too
                workers.shutdownNow();
                timer.shutdownNow();
                fail("coordinators deadlocked:\n" + threadDump());
            }
        }
        assertThat(joined.get()).as("joins succeeded").isGreaterThan(0);
        consumer.close();
        classic.close();
        logs.close();
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static void joinAndLeaveClassic(GroupCoordinator classic, int thread, AtomicInteger joined) {
        for (int i = 0; i < ROUNDS; i++) {
            String group = "g" + (i % GROUPS);
            JoinGroupRequestData req = new JoinGroupRequestData().setGroupId(group).setMemberId("")
                    .setSessionTimeoutMs(30_000).setRebalanceTimeoutMs(100).setProtocolType("consumer");
            req.protocols().add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName("range")
                    .setMetadata(new byte[0]));
            // version 3 adds the member at once (no MEMBER_ID_REQUIRED round trip)
            classic.join(req, "c" + thread, "h", (short) 3).thenAccept(r -> {
                if (r.errorCode() == 0) {
                    joined.incrementAndGet();
                    classic.leave(group, List.of(r.memberId()));
                }
            });
            if (i % 10 == 0) {
                classic.describe(group);
                classic.groupIds().forEach(g -> classic.leave(g, List.of("nobody")));
            }
        }
    }

    private static void joinAndLeaveConsumer(ConsumerGroupCoordinator consumer, int thread, AtomicInteger joined) {
        for (int i = 0; i < ROUNDS; i++) {
            String group = "g" + (i % GROUPS);
            String member = "m-" + thread + "-" + i;
            var resp = consumer.heartbeat(new ConsumerGroupHeartbeatRequestData().setGroupId(group)
                    .setMemberId(member).setMemberEpoch(0).setRebalanceTimeoutMs(1000)
                    .setSubscribedTopicNames(List.of("t")).setTopicPartitions(List.of()), "c", "h", (short) 1);
            if (resp.errorCode() == 0) {
                joined.incrementAndGet();
                consumer.heartbeat(new ConsumerGroupHeartbeatRequestData().setGroupId(group).setMemberId(member)
                        .setMemberEpoch(-1), "c", "h", (short) 1);
            }
        }
    }

    private static void listAndDescribe(GroupCoordinator classic, ConsumerGroupCoordinator consumer) {
        for (int i = 0; i < ROUNDS; i++) {
            String group = "g" + (i % GROUPS);
            consumer.groupStates();
            consumer.describe(group);
            classic.isActive(group);
            consumer.isActive(group);
        }
    }

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            out.append(info);
        }
        return out.toString();
    }
}
