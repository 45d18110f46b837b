package io.runnel.broker;

import io.runnel.log.LogManager;
import io.runnel.log.Topic;
import io.runnel.log.TopicExistsException;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.Uuid;

/** Topic lookups by name or Kafka {@link Uuid}, and auto-creation per {@code auto.create.topics.enable}. */
public final class Topics {
    /** The internal topic holding committed consumer offsets. */
    public static final String OFFSETS_TOPIC = "__consumer_offsets";
    /** The internal topic holding transaction coordinator state. */
    public static final String TRANSACTION_STATE_TOPIC = "__transaction_state";

    private final LogManager logs;
    private final BrokerConfig config;

    public Topics(LogManager logs, BrokerConfig config) {
        this.logs = logs;
        this.config = config;
    }

    public LogManager logs() {
        return logs;
    }

    public static Uuid toKafka(UUID id) {
        return new Uuid(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    public static UUID fromKafka(Uuid id) {
        return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** The topic named, or (if the name is empty) with the id; null if unknown. */
    public Topic find(String name, Uuid id) {
        if (name != null && !name.isEmpty()) {
            return logs.topic(name);
        }
        if (id != null && !Uuid.ZERO_UUID.equals(id)) {
            return logs.topic(fromKafka(id));
        }
        return null;
    }

    public Topic find(String name) {
        return logs.topic(name);
    }

    /** What the topic's timestamp type and compression do to appended batches. */
    AppendPolicy appendPolicy(Topic topic) {
        return AppendPolicy.of(topic.overrides(), config);
    }

    public boolean autoCreateEnabled() {
        return config.autoCreateTopics();
    }

    /** Creates the topic with {@code num.partitions} if it does not exist (a racing create is fine). */
    public Topic getOrCreate(String name) {
        Topic t = logs.topic(name);
        if (t != null) {
            return t;
        }
        try {
            return logs.createTopic(name, config.numPartitions(), Map.of());
        } catch (TopicExistsException e) {
            return logs.topic(name);
        }
    }

    /** Whether {@code name} is a legal topic name (so an error can say INVALID_TOPIC rather than unknown). */
    public static boolean isLegalName(String name) {
        return name != null && name.matches("[a-zA-Z0-9._-]{1,249}") && !name.equals(".") && !name.equals("..");
    }

    public static boolean isInternal(String name) {
        return OFFSETS_TOPIC.equals(name) || TRANSACTION_STATE_TOPIC.equals(name);
    }
}
