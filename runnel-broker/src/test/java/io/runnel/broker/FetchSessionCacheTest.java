package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/** Fetch session semantics (KIP-227) without a network: epochs, errors, eviction, forgetting, omission. */
class FetchSessionCacheTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);

    private static FetchRequestData request(int sessionId, int epoch, String topic, int... partitions) {
        FetchRequestData.FetchTopic t = new FetchRequestData.FetchTopic().setTopic(topic);
        for (int p : partitions) {
            t.partitions().add(new FetchRequestData.FetchPartition().setPartition(p).setFetchOffset(10L * p)
                    .setPartitionMaxBytes(1000).setCurrentLeaderEpoch(-1));
        }
        FetchRequestData req = new FetchRequestData().setSessionId(sessionId).setSessionEpoch(epoch);
        if (partitions.length > 0) {
            req.topics().add(t);
        }
        return req;
    }

    @Test
    void fullFetchOpensASessionAndIncrementalOnesMustFollowItsEpochs() {
        FetchSessionCache cache = new FetchSessionCache(10, clock::get);
        FetchSessionRequest full = FetchSessionRequest.resolve(cache, request(0, 0, "t", 0, 1, 2));
        assertThat(full.error()).isNull();
        assertThat(full.incremental()).isFalse();
        int id = full.session().id;
        assertThat(id).isNotZero();

        FetchSessionRequest inc = FetchSessionRequest.resolve(cache, request(id, 1, "t"));
        assertThat(inc.incremental()).isTrue();
        assertThat(inc.targets()).extracting(t -> t.partition).containsExactly(0, 1, 2);

        assertThat(FetchSessionRequest.resolve(cache, request(id, 1, "t")).error())
                .isEqualTo(Errors.INVALID_FETCH_SESSION_EPOCH); // a replay of epoch 1
        assertThat(FetchSessionRequest.resolve(cache, request(id, 2, "t")).error()).isNull();
        assertThat(FetchSessionRequest.resolve(cache, request(id + 1, 1, "t")).error())
                .isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND);
        assertThat(FetchSessionRequest.resolve(cache, request(0, 5, "t")).error())
                .isEqualTo(Errors.INVALID_FETCH_SESSION_EPOCH);

        FetchSessionRequest close = FetchSessionRequest.resolve(cache, request(id, -1, "t", 0));
        assertThat(close.session()).isNull();
        assertThat(cache.size()).isZero();
        assertThat(FetchSessionRequest.resolve(cache, request(id, 3, "t")).error())
                .isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND);
    }

    @Test
    void incrementalRequestsUpdateAddAndForgetPartitions() {
        FetchSessionCache cache = new FetchSessionCache(10, clock::get);
        int id = FetchSessionRequest.resolve(cache, request(0, 0, "t", 0, 1)).session().id;
        FetchRequestData inc = request(id, 1, "t", 1, 3);
        inc.topics().get(0).partitions().get(0).setFetchOffset(99);
        inc.forgottenTopicsData().add(new FetchRequestData.ForgottenTopic().setTopic("t").setPartitions(List.of(0)));
        List<FetchTarget> targets = FetchSessionRequest.resolve(cache, inc).targets();
        assertThat(targets).extracting(t -> t.partition).containsExactly(1, 3);
        assertThat(targets.get(0).fetchOffset).isEqualTo(99);
    }

    @Test
    void topicIdsKeyPartitionsFromVersion13() {
        FetchSessionCache cache = new FetchSessionCache(10, clock::get);
        Uuid id = Uuid.randomUuid();
        FetchRequestData full = request(0, 0, "", 0);
        full.topics().get(0).setTopicId(id);
        int session = FetchSessionRequest.resolve(cache, full).session().id;
        FetchRequestData inc = request(session, 1, "");
        inc.forgottenTopicsData().add(new FetchRequestData.ForgottenTopic().setTopicId(id).setPartitions(List.of(0)));
        assertThat(FetchSessionRequest.resolve(cache, inc).targets()).isEmpty();
    }

    @Test
    void unchangedPartitionsAreLeftOutOfIncrementalResponses() {
        FetchSessionCache cache = new FetchSessionCache(10, clock::get);
        FetchSessionRequest full = FetchSessionRequest.resolve(cache, request(0, 0, "t", 0, 1, 2));
        List<FetchResponseData.PartitionData> first = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            first.add(partition(p, 5, Errors.NONE));
        }
        FetchResponseData all = FetchResponses.build(full.targets(), first, full);
        assertThat(all.sessionId()).isEqualTo(full.session().id);
        assertThat(all.responses().get(0).partitions()).hasSize(3); // a full response has everything

        FetchSessionRequest inc = FetchSessionRequest.resolve(cache, request(full.session().id, 1, "t"));
        List<FetchResponseData.PartitionData> second = List.of(partition(0, 5, Errors.NONE), partition(1, 6, Errors.NONE),
                partition(2, 5, Errors.FENCED_LEADER_EPOCH));
        FetchResponseData changed = FetchResponses.build(inc.targets(), second, inc);
        assertThat(changed.responses().get(0).partitions()).extracting(FetchResponseData.PartitionData::partitionIndex)
                .containsExactly(1, 2); // a new high watermark, an error; partition 0 had no news
    }

    @Test
    void aFullCacheEvictsOnlyIdleOrSmallerSessions() {
        FetchSessionCache cache = new FetchSessionCache(2, clock::get);
        FetchSession a = FetchSessionRequest.resolve(cache, request(0, 0, "t", 0, 1)).session();
        FetchSession b = FetchSessionRequest.resolve(cache, request(0, 0, "t", 0, 1)).session();
        assertThat(FetchSessionRequest.resolve(cache, request(0, 0, "t", 0)).session())
                .as("no slot for a smaller session while the others are in use").isNull();
        FetchSession c = FetchSessionRequest.resolve(cache, request(0, 0, "t", 0, 1, 2)).session();
        assertThat(c).isNotNull();
        assertThat(cache.get(a.id)).as("the least recently used, smaller session made room").isNull();
        assertThat(cache.get(b.id)).isNotNull();

        clock.addAndGet(FetchSessionCache.EVICTION_MS);
        assertThat(FetchSessionRequest.resolve(cache, request(0, 0, "t", 0)).session()).isNotNull();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.evictions()).isEqualTo(2);
        assertThat(FetchSessionRequest.resolve(new FetchSessionCache(0, clock::get), request(0, 0, "t", 0)).session())
                .as("slots=0 turns sessions off").isNull();
    }

    private static FetchResponseData.PartitionData partition(int index, long highWatermark, Errors error) {
        return new FetchResponseData.PartitionData().setPartitionIndex(index).setErrorCode(error.code())
                .setHighWatermark(highWatermark).setLastStableOffset(highWatermark).setLogStartOffset(0);
    }
}
