package io.runnel.broker;

import io.runnel.log.Topic;
import java.util.Map;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiError;

/**
 * What AlterConfigs and IncrementalAlterConfigs share: which resources may be altered, and
 * checking then storing a topic's new override set. The two differ only in how the requested
 * set is built (replace-all against set/delete), so each handler builds it and calls here.
 */
final class TopicConfigAlteration {
    private TopicConfigAlteration() {
    }

    /** Why the resource cannot be altered, or null: only existing, non-internal topics can be. */
    static ApiError refusal(Topics topics, byte resourceType, String name) {
        if (ConfigResource.Type.forId(resourceType) != ConfigResource.Type.TOPIC) {
            return new ApiError(Errors.INVALID_REQUEST, "only topic configs can be altered; broker configs are read at start");
        }
        Topic topic = topics.find(name);
        if (topic == null) return new ApiError(Errors.UNKNOWN_TOPIC_OR_PARTITION, null);
        if (Topics.isInternal(topic.name())) {
            return new ApiError(Errors.INVALID_REQUEST, "internal topic " + topic.name() + " keeps its own settings");
        }
        return null;
    }

    /** Checks {@code requested} as CreateTopics would and stores it unless only validating; the error, or NONE. */
    static ApiError apply(Topics topics, String name, Map<String, String> requested, boolean validateOnly) {
        Topic topic = topics.find(name);
        try {
            Map<String, String> overrides = TopicConfigs.overrides(topic.name(), requested, topics.logs().defaults(),
                    topics.logs().compactionDefaults(), topic.overrides());
            if (!validateOnly) {
                topics.logs().alterTopicConfig(topic.name(), overrides);
            }
            return ApiError.NONE;
        } catch (InvalidConfigurationException e) {
            return new ApiError(Errors.INVALID_CONFIG, e.getMessage());
        }
    }
}
