package io.runnel.log;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A topic: its id, its config overrides (replaceable) and its partitions (the list only grows). */
public final class Topic {
    private final String name;
    private final UUID id;
    private volatile Map<String, String> overrides;
    private volatile LogConfig config;
    private final List<PartitionLog> partitions = new CopyOnWriteArrayList<>();

    Topic(String name, UUID id, Map<String, String> overrides, LogConfig config) {
        this.name = name;
        this.id = id;
        this.overrides = Map.copyOf(overrides);
        this.config = config;
    }

    public String name() {
        return name;
    }

    public UUID id() {
        return id;
    }

    /** Topic-level config overrides, by Kafka name. */
    public Map<String, String> overrides() {
        return overrides;
    }

    /** The effective log config (broker defaults plus overrides). */
    public LogConfig config() {
        return config;
    }

    public List<PartitionLog> partitions() {
        return partitions;
    }

    public int partitionCount() {
        return partitions.size();
    }

    /** The partition, or null if it does not exist. */
    public PartitionLog partition(int index) {
        List<PartitionLog> p = partitions;
        return index >= 0 && index < p.size() ? p.get(index) : null;
    }

    void reconfigure(Map<String, String> newOverrides, LogConfig newConfig) {
        this.overrides = Map.copyOf(newOverrides);
        this.config = newConfig;
        partitions.forEach(p -> p.updateConfig(newConfig));
    }

    void addPartition(PartitionLog log) {
        partitions.add(log);
    }
}
