package io.runnel.broker;

import io.runnel.log.LogException;
import io.runnel.log.Topic;
import io.runnel.log.TopicExistsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.CreateTopicsRequest;
import org.apache.kafka.common.requests.CreateTopicsResponse;
import org.apache.kafka.common.requests.RequestContext;

/** CreateTopics: replication factor 1 (or -1 for the default), no manual assignments. */
final class CreateTopicsHandler implements ApiHandler {
    private final Topics topics;
    private final BrokerConfig config;

    CreateTopicsHandler(Topics topics, BrokerConfig config) {
        this.topics = topics;
        this.config = config;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        CreateTopicsRequestData req = ((CreateTopicsRequest) request).data();
        CreateTopicsResponseData resp = new CreateTopicsResponseData();
        for (CreateTopicsRequestData.CreatableTopic t : req.topics()) {
            resp.topics().add(create(t, req.validateOnly()));
        }
        return CompletableFuture.completedFuture(new CreateTopicsResponse(resp));
    }

    private CreatableTopicResult create(CreateTopicsRequestData.CreatableTopic t, boolean validateOnly) {
        CreatableTopicResult r = new CreatableTopicResult().setName(t.name());
        int partitions = t.numPartitions() == -1 ? config.numPartitions() : t.numPartitions();
        try {
            if (!Topics.isLegalName(t.name()) || Topics.isInternal(t.name())) {
                return fail(r, Errors.INVALID_TOPIC_EXCEPTION, "illegal topic name '" + t.name() + "'");
            }
            if (t.replicationFactor() != -1 && t.replicationFactor() != 1) {
                return fail(r, Errors.INVALID_REPLICATION_FACTOR, "replication factor " + t.replicationFactor()
                        + " is not possible on a single broker");
            }
            if (!t.assignments().isEmpty()) {
                return fail(r, Errors.INVALID_REQUEST, "manual replica assignment is not supported");
            }
            if (partitions < 1) {
                return fail(r, Errors.INVALID_PARTITIONS, "partition count " + partitions + " must be positive");
            }
            Map<String, String> requested = new LinkedHashMap<>();
            t.configs().forEach(c -> requested.put(c.name(), c.value()));
            Map<String, String> overrides = TopicConfigs.overrides(t.name(), requested, topics.logs().defaults(),
                    topics.logs().compactionDefaults());
            if (topics.find(t.name()) != null) {
                return fail(r, Errors.TOPIC_ALREADY_EXISTS, "topic '" + t.name() + "' already exists");
            }
            topics.checkPartitionBudget(t.name(), partitions);
            r.setNumPartitions(partitions).setReplicationFactor((short) 1);
            if (validateOnly) {
                return r;
            }
            Topic topic = topics.logs().createTopic(t.name(), partitions, overrides);
            r.setTopicId(Topics.toKafka(topic.id()));
            TopicConfigs.effective(topic.config(), topics.logs().compaction(topic), topic.overrides(), config)
                    .forEach((k, v) -> r.configs().add(
                    new CreateTopicsResponseData.CreatableTopicConfigs().setName(k).setValue(v)
                            .setConfigSource((byte) (topic.overrides().containsKey(k) ? 1 : 5))));
            return r;
        } catch (TopicExistsException e) {
            return fail(r, Errors.TOPIC_ALREADY_EXISTS, e.getMessage());
        } catch (ApiException e) {
            return fail(r, Errors.forException(e), e.getMessage());
        } catch (LogException e) {
            return fail(r, Errors.INVALID_REQUEST, e.getMessage());
        }
    }

    private static CreatableTopicResult fail(CreatableTopicResult r, Errors error, String message) {
        return r.setErrorCode(error.code()).setErrorMessage(message).setNumPartitions(-1)
                .setReplicationFactor((short) -1);
    }
}
