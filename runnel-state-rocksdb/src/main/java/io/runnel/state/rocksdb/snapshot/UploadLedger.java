package io.runnel.state.rocksdb.snapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * Which local SST files are already in the shared directory, and under which name. Only files
 * of the latest <em>completed</em> checkpoint count: the coordinator retains that checkpoint, so
 * its shared files are sure to exist; uploads of a checkpoint that never completes may be
 * deleted, and are uploaded again. SST files are immutable and their local names never reused
 * within one database, so a local name identifies the content.
 *
 * <p>Written by the snapshot I/O thread, completed by the task thread: synchronized.
 */
final class UploadLedger {
    private Map<String, String> confirmed = Map.of();
    private long confirmedCheckpoint = Long.MIN_VALUE;
    private final Map<Long, Map<String, String>> pending = new HashMap<>();

    /** Local SST name to shared name, for the latest completed checkpoint. */
    synchronized Map<String, String> confirmed() {
        return confirmed;
    }

    /** Checkpoint {@code checkpointId} was written and refers to these shared SST files. */
    synchronized void written(long checkpointId, Map<String, String> sstToShared) {
        pending.put(checkpointId, Map.copyOf(sstToShared));
    }

    synchronized void completed(long checkpointId) {
        if (checkpointId <= confirmedCheckpoint) return;
        Map<String, String> files = pending.remove(checkpointId);
        if (files != null) {
            confirmed = files;
            confirmedCheckpoint = checkpointId;
        }
        pending.keySet().removeIf(id -> id < checkpointId);
    }
}
