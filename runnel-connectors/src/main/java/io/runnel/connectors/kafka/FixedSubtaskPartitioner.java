package io.runnel.connectors.kafka;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;

/**
 * Flink's "fixed" partitioning: each sink subtask writes every record to one partition, the
 * subtask's index modulo the topic's partitions (in partition order), whatever the key. The sink
 * tells each producer its subtask through {@link #SUBTASK}.
 */
public final class FixedSubtaskPartitioner implements Partitioner {
    /** The producer property holding the sink subtask's index. */
    public static final String SUBTASK = "runnel.sink.subtask";
    private int subtask;

    @Override
    public void configure(Map<String, ?> configs) {
        Object v = configs.get(SUBTASK);
        if (v == null) throw new IllegalArgumentException(getClass().getSimpleName() + " needs the producer property " + SUBTASK);
        subtask = Integer.parseInt(v.toString());
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        List<PartitionInfo> partitions = cluster.partitionsForTopic(topic);
        int[] ids = partitions.stream().mapToInt(PartitionInfo::partition).sorted().toArray();
        return ids[subtask % ids.length];
    }

    @Override
    public void close() {
    }
}
