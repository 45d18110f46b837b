package io.runnel.broker;

import io.runnel.log.LeaderEpochCache;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.OffsetForLeaderEpochRequestData;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.EpochEndOffset;
import org.apache.kafka.common.message.OffsetForLeaderEpochResponseData.OffsetForLeaderTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.OffsetsForLeaderEpochRequest;
import org.apache.kafka.common.requests.OffsetsForLeaderEpochResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * OffsetForLeaderEpoch (KIP-320): the end offset of a requested epoch, which consumers use to
 * check a committed or fetched position against truncation. The current epoch ends at the log end;
 * an older one where the next larger epoch began; an unknown (larger) one is undefined (-1, -1).
 * The request's current leader epoch is checked first (FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH).
 */
final class OffsetForLeaderEpochHandler implements ApiHandler {
    private final Topics topics;

    OffsetForLeaderEpochHandler(Topics topics) {
        this.topics = topics;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        OffsetForLeaderEpochRequestData req = ((OffsetsForLeaderEpochRequest) request).data();
        OffsetForLeaderEpochResponseData resp = new OffsetForLeaderEpochResponseData();
        for (OffsetForLeaderEpochRequestData.OffsetForLeaderTopic t : req.topics()) {
            Topic topic = topics.find(t.topic());
            OffsetForLeaderTopicResult tr = new OffsetForLeaderTopicResult().setTopic(t.topic());
            for (OffsetForLeaderEpochRequestData.OffsetForLeaderPartition p : t.partitions()) {
                PartitionLog log = topic == null ? null : topic.partition(p.partition());
                tr.partitions().add(answer(log, p));
            }
            resp.topics().add(tr);
        }
        return CompletableFuture.completedFuture(new OffsetsForLeaderEpochResponse(resp));
    }

    private static EpochEndOffset answer(PartitionLog log, OffsetForLeaderEpochRequestData.OffsetForLeaderPartition p) {
        EpochEndOffset out = new EpochEndOffset().setPartition(p.partition())
                .setLeaderEpoch(LeaderEpochCache.UNDEFINED_EPOCH).setEndOffset(LeaderEpochCache.UNDEFINED_OFFSET);
        Errors e = log == null ? Errors.UNKNOWN_TOPIC_OR_PARTITION : LeaderEpochs.check(p.currentLeaderEpoch(), log);
        if (e != Errors.NONE) {
            return out.setErrorCode(e.code());
        }
        LeaderEpochCache.EpochEndOffset end = log.leaderEpochs().endOffsetFor(p.leaderEpoch(), log.logEndOffset());
        return out.setLeaderEpoch(end.epoch()).setEndOffset(end.endOffset());
    }
}
