package io.runnel.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.broker.BrokerConfig;
import io.runnel.broker.Topics;
import io.runnel.log.LogManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KIP-848 regex subscriptions: RE2J semantics, linear matching, INVALID_REGULAR_EXPRESSION. */
class RegexSubscriptionTest {
    @TempDir
    Path dir;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "regex-caller");
        t.setDaemon(true); // a backtracking matcher would never give this thread back
        return t;
    });
    LogManager logs;
    ConsumerGroupCoordinator coordinator;

    @BeforeEach
    void start() {
        BrokerConfig config = BrokerConfig.of(Map.of("log.dirs", dir.toString()));
        logs = LogManager.open(dir, config.logConfig());
        logs.createTopic("a".repeat(40), 1, Map.of());
        logs.createTopic("orders", 2, Map.of());
        coordinator = new ConsumerGroupCoordinator(new Topics(logs, config), timer, 45_000, 5_000);
    }

    @AfterEach
    void stop() throws InterruptedException {
        caller.shutdownNow();
        if (caller.awaitTermination(1, TimeUnit.SECONDS)) { // else a stuck matcher holds the coordinator's lock
            coordinator.close();
            logs.close();
        }
        timer.shutdownNow();
    }

    private ConsumerGroupHeartbeatResponseData join(String regex) throws Exception {
        ConsumerGroupHeartbeatRequestData req = new ConsumerGroupHeartbeatRequestData().setGroupId("g")
                .setMemberId("m1").setMemberEpoch(0).setRebalanceTimeoutMs(1000).setSubscribedTopicRegex(regex)
                .setTopicPartitions(List.of());
        // a guard against a hang, not a speed assertion: RE2J answers in microseconds
        return CompletableFuture.supplyAsync(() -> coordinator.heartbeat(req, "c", "h", (short) 1), caller)
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPathologicalPatternDoesNotHangTheBroker() throws Exception {
        // java.util.regex backtracks for minutes on forty a's (JDK 17); RE2J is linear
        ConsumerGroupHeartbeatResponseData resp = join("(.*a){20}b");
        assertThat(Errors.forCode(resp.errorCode())).isEqualTo(Errors.NONE);
        assertThat(resp.assignment().topicPartitions()).isEmpty();
    }

    @Test
    void aMatchingPatternAssignsItsTopics() throws Exception {
        ConsumerGroupHeartbeatResponseData resp = join("ord.*");
        assertThat(Errors.forCode(resp.errorCode())).isEqualTo(Errors.NONE);
        assertThat(resp.assignment().topicPartitions()).singleElement()
                .satisfies(tp -> assertThat(tp.partitions()).containsExactly(0, 1));
    }

    @Test
    void anInvalidPatternGetsInvalidRegularExpression() throws Exception {
        ConsumerGroupHeartbeatResponseData resp = join("orders[");
        assertThat(Errors.forCode(resp.errorCode())).isEqualTo(Errors.INVALID_REGULAR_EXPRESSION);
        assertThat(resp.errorMessage()).contains("orders[");
        assertThat(coordinator.isActive("g")).isFalse();
    }
}
