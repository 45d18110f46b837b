package io.runnel.broker.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Classic coordinator paths the real client rarely takes: silent members expire, bad protocols. */
class GroupCoordinatorTest {
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final GroupCoordinator coordinator = new GroupCoordinator(timer, 0, 100, 60_000);

    @AfterEach
    void stop() {
        coordinator.close();
        timer.shutdownNow();
    }

    private static JoinGroupRequestData join(String memberId, String protocol, int sessionMs) {
        JoinGroupRequestData req = new JoinGroupRequestData().setGroupId("g").setMemberId(memberId)
                .setSessionTimeoutMs(sessionMs).setRebalanceTimeoutMs(2000).setProtocolType("consumer");
        req.protocols().add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName(protocol)
                .setMetadata(new byte[] {1}));
        return req;
    }

    private JoinGroupResponseData joinFully(String protocol, int sessionMs) throws Exception {
        JoinGroupResponseData first = coordinator.join(join("", protocol, sessionMs), "c", "h", (short) 9).get();
        assertThat(Errors.forCode(first.errorCode())).isEqualTo(Errors.MEMBER_ID_REQUIRED);
        return coordinator.join(join(first.memberId(), protocol, sessionMs), "c", "h", (short) 9)
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMemberThatStopsHeartbeatingIsRemoved() throws Exception {
        JoinGroupResponseData joined = joinFully("range", 300);
        assertThat(joined.generationId()).isEqualTo(1);
        coordinator.sync(new SyncGroupRequestData().setGroupId("g").setMemberId(joined.memberId())
                .setGenerationId(1)).get(5, TimeUnit.SECONDS);
        assertThat(coordinator.describe("g").state()).isEqualTo("Stable");
        long deadline = System.currentTimeMillis() + 5000;
        while (coordinator.describe("g") != null && !coordinator.describe("g").members().isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(coordinator.heartbeat("g", joined.memberId(), 1)).isEqualTo(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void joinsWithoutACommonProtocolAreRefused() throws Exception {
        JoinGroupResponseData a = joinFully("range", 10_000);
        assertThat(a.errorCode()).isZero();
        CompletableFuture<JoinGroupResponseData> b = coordinator.join(join("", "roundrobin", 10_000), "c", "h", (short) 9);
        assertThat(Errors.forCode(b.get().errorCode())).isEqualTo(Errors.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void sessionTimeoutsOutsideTheBrokerLimitsAreRefused() throws Exception {
        assertThat(Errors.forCode(coordinator.join(join("", "range", 50), "c", "h", (short) 9).get().errorCode()))
                .isEqualTo(Errors.INVALID_SESSION_TIMEOUT);
        assertThat(coordinator.leave("g", List.of("nobody"))).containsExactly(Errors.UNKNOWN_MEMBER_ID);
    }
}
