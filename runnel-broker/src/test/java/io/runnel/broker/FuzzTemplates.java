package io.runnel.broker;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Valid request frames to mutate: every API the broker serves at each of its versions, with
 * kafka-clients' default field values, plus realistic Produce, Fetch, Metadata and CreateTopics
 * requests that reach deeper into their handlers. Writes go to {@code fuzz-*} topics only.
 */
final class FuzzTemplates {
    private FuzzTemplates() {
    }

    static List<byte[]> all() {
        List<byte[]> out = new ArrayList<>();
        int correlation = 1;
        for (ApiKeys key : RunnelBroker.supportedApis()) {
            List<ApiMessage> bodies = new ArrayList<>();
            bodies.add(ApiMessageType.fromApiKey(key.id).newRequest());
            bodies.addAll(realistic(key));
            for (short v = key.oldestVersion(); v <= key.latestVersion(); v++) {
                for (ApiMessage body : bodies) {
                    try {
                        out.add(RawSocket.frame(new RequestHeader(key, v, "fuzz", correlation++), body));
                    } catch (RuntimeException e) {
                        // a default value this version cannot carry: not a template
                    }
                }
            }
        }
        return out;
    }

    private static List<ApiMessage> realistic(ApiKeys key) {
        switch (key) {
            case PRODUCE: {
                MemoryRecords records = MemoryRecords.withRecords(Compression.NONE,
                        new SimpleRecord("k".getBytes(), "v".getBytes()), new SimpleRecord("w".getBytes()));
                ProduceRequestData d = new ProduceRequestData().setAcks((short) 1).setTimeoutMs(1000);
                d.topicData().add(new ProduceRequestData.TopicProduceData().setName("fuzz-produce").setPartitionData(
                        List.of(new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
                return List.of(d);
            }
            case FETCH: {
                FetchRequestData d = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(0)
                        .setMaxBytes(1 << 20);
                d.topics().add(new FetchRequestData.FetchTopic().setTopic("kept").setPartitions(List.of(
                        new FetchRequestData.FetchPartition().setPartition(0).setFetchOffset(3)
                                .setPartitionMaxBytes(1 << 20))));
                return List.of(d);
            }
            case METADATA:
                return List.of(new MetadataRequestData().setTopics(null),
                        new MetadataRequestData().setTopics(List.of(new MetadataRequestData.MetadataRequestTopic()
                                .setName("kept"))));
            case CREATE_TOPICS: {
                CreateTopicsRequestData d = new CreateTopicsRequestData().setTimeoutMs(1000);
                d.topics().add(new CreateTopicsRequestData.CreatableTopic().setName("fuzz-created")
                        .setNumPartitions(1).setReplicationFactor((short) 1));
                return List.of(d);
            }
            default:
                return List.of();
        }
    }
}
