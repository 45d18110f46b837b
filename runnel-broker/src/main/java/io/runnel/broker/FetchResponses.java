package io.runnel.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.message.FetchResponseData;

/** Assembles a fetch response from the partitions read, applying the fetch session's rules. */
final class FetchResponses {
    private FetchResponses() {
    }

    /**
     * Groups the partitions by topic, as they were named. In a session, the response carries its
     * id and remembers what it sent; an incremental one leaves out partitions without news.
     */
    static FetchResponseData build(List<FetchTarget> targets, List<FetchResponseData.PartitionData> partitions,
                                   FetchSessionRequest request) {
        FetchSession session = request.session();
        FetchResponseData data = new FetchResponseData().setSessionId(session == null ? 0 : session.id);
        Map<FetchTarget.Key, FetchResponseData.FetchableTopicResponse> byTopic = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            FetchTarget t = targets.get(i);
            FetchResponseData.PartitionData pd = partitions.get(i);
            if (session != null && request.incremental()) {
                if (!session.mustRespond(t, pd)) {
                    continue;
                }
            } else if (session != null) {
                session.remember(t, pd);
            }
            byTopic.computeIfAbsent(FetchTarget.Key.of(t.topic, t.topicId, -1),
                    k -> new FetchResponseData.FetchableTopicResponse().setTopic(t.topic).setTopicId(t.topicId))
                    .partitions().add(pd);
        }
        data.responses().addAll(byTopic.values());
        return data;
    }
}
