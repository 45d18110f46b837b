package io.runnel.runtime.checkpoint;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a completed checkpoint or savepoint consists of, written last and atomically as
 * {@code _metadata} in its directory: per operator its parallelism and state file per subtask,
 * the shared files it needs, the source splits with their positions, and the sinks' committables.
 */
public record CheckpointMetadata(long id, boolean savepoint, boolean finalCheckpoint, long timestampMillis, String jobName,
                                 int maxParallelism, Map<String, OperatorEntry> operators,
                                 Map<String, List<Object>> splits, Map<String, List<Object>> committables,
                                 List<String> sharedFiles) implements Serializable {

    /** One operator's state files, indexed by the subtask that wrote them (null where it had no state). */
    public record OperatorEntry(int parallelism, List<String> files) implements Serializable {}
}
