package io.runnel.connectors.file;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names of the files a {@link FileSink} writes, one part file per writer and checkpoint:
 * <pre>
 * .part-&lt;subtask&gt;-&lt;writerId&gt;-&lt;n&gt;.inprogress          being written (n counts the writer's parts)
 * .part-&lt;subtask&gt;-&lt;checkpoint&gt;-&lt;writerId&gt;&lt;suffix&gt;.pending   closed and fsynced at the barrier
 *  part-&lt;subtask&gt;-&lt;checkpoint&gt;-&lt;writerId&gt;&lt;suffix&gt;            committed: the only visible state
 * </pre>
 * The leading dot hides the first two from {@link FileSource} and most tools. The in-progress
 * name has no checkpoint id because the writer learns it only at the barrier. {@code writerId} is
 * random per writer, so a restored or retried attempt (even from a savepoint, into a folder that
 * already holds later output) never reuses, and so never overwrites, another attempt's name.
 */
final class PartFileNames {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartFileNames() {}

    /** 12 hex digits (48 random bits): collisions are negligible and would fail loudly, never overwrite. */
    static String newWriterId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String inProgress(int subtask, String writerId, long n) {
        return ".part-" + subtask + "-" + writerId + "-" + n + ".inprogress";
    }

    static String pending(int subtask, long checkpointId, String writerId, String suffix) {
        return "." + committed(subtask, checkpointId, writerId, suffix) + ".pending";
    }

    static String committed(int subtask, long checkpointId, String writerId, String suffix) {
        return "part-" + subtask + "-" + checkpointId + "-" + writerId + suffix;
    }
}
