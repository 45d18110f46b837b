package io.runnel.broker;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.protocol.Errors;

/**
 * What a fetch request asks of the session cache (KIP-227), decided from its session id and epoch:
 * id 0 and epoch -1 is a plain full fetch; epoch 0 is a full fetch that opens a session (closing
 * the named one, if any); id S and epoch -1 closes S; id S and epoch E &gt; 0 is incremental,
 * refused with FETCH_SESSION_ID_NOT_FOUND or INVALID_FETCH_SESSION_EPOCH.
 *
 * @param error       non-null if the request is refused
 * @param targets     the partitions to read
 * @param session     the session the response belongs to, or null (the response says session 0)
 * @param incremental whether the response leaves out partitions without news
 */
record FetchSessionRequest(Errors error, List<FetchTarget> targets, FetchSession session, boolean incremental) {

    static FetchSessionRequest resolve(FetchSessionCache cache, FetchRequestData req) {
        List<FetchTarget> requested = targetsOf(req);
        int id = req.sessionId();
        int epoch = req.sessionEpoch();
        if (id != 0 && (epoch == FetchSession.FINAL_EPOCH || epoch == FetchSession.INITIAL_EPOCH)) {
            cache.remove(id);
        }
        if (epoch == FetchSession.FINAL_EPOCH) {
            return new FetchSessionRequest(null, requested, null, false);
        }
        if (epoch == FetchSession.INITIAL_EPOCH) {
            return new FetchSessionRequest(null, requested, cache.create(requested), false);
        }
        if (id == 0) {
            return refused(Errors.INVALID_FETCH_SESSION_EPOCH);
        }
        FetchSession session = cache.get(id);
        if (session == null) {
            return refused(Errors.FETCH_SESSION_ID_NOT_FOUND);
        }
        List<FetchTarget> all = session.update(epoch, requested, req.forgottenTopicsData(), cache.now());
        return all == null ? refused(Errors.INVALID_FETCH_SESSION_EPOCH)
                : new FetchSessionRequest(null, all, session, true);
    }

    private static FetchSessionRequest refused(Errors error) {
        return new FetchSessionRequest(error, List.of(), null, false);
    }

    private static List<FetchTarget> targetsOf(FetchRequestData req) {
        List<FetchTarget> out = new ArrayList<>();
        for (FetchRequestData.FetchTopic ft : req.topics()) {
            for (FetchRequestData.FetchPartition fp : ft.partitions()) {
                out.add(new FetchTarget(ft.topic(), ft.topicId(), fp.partition(), fp.fetchOffset(),
                        fp.partitionMaxBytes(), fp.currentLeaderEpoch()));
            }
        }
        return out;
    }
}
