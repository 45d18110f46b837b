package io.runnel.cli;

import io.runnel.api.StreamEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Checkpoint and state options shared by {@code runnel run} and {@code runnel bench}. */
final class CheckpointOptions {
    @Option(names = "--checkpoint-dir", description = "directory for checkpoints (chk-<id>/, shared/)")
    Path checkpointDir;

    @Option(names = "--checkpoint-interval", description = "take a checkpoint this often, e.g. 1s or 500ms (default: off)")
    String interval;

    @Option(names = "--state-backend", defaultValue = "heap", description = "heap or rocksdb (default: ${DEFAULT-VALUE})")
    String stateBackend;

    @Option(names = "--restore", description = "'latest' (the newest completed checkpoint in --checkpoint-dir, or none) or a checkpoint/savepoint directory")
    String restore;

    @Option(names = "--unaligned", description = "unaligned checkpoints: barriers overtake queued records, which are stored with the checkpoint")
    boolean unaligned;

    @Option(names = "--aligned-timeout", description = "with --unaligned: start aligned, turn unaligned after this alignment time, e.g. 100ms (default: 0, unaligned at once)")
    String alignedTimeout;

    @Option(names = "--no-incremental", description = "write every checkpoint in full (self-contained), not only what changed since the previous one")
    boolean noIncremental;

    @Option(names = "--allow-non-restored-state",
            description = "with --restore: drop state of operators the job no longer has, instead of refusing to start")
    boolean allowNonRestoredState;

    /** Applies the options; fails clearly on a bad interval or a missing directory. */
    void apply(StreamEnvironment env) {
        env.setStateBackend(stateBackend);
        if (interval != null) {
            Duration d = parseDuration(interval);
            if (checkpointDir == null) throw new IllegalArgumentException("--checkpoint-interval needs --checkpoint-dir");
            env.enableCheckpointing(d);
        }
        if (checkpointDir != null) env.getCheckpointConfig().setDirectory(checkpointDir.toString());
        env.getCheckpointConfig().setIncremental(!noIncremental);
        if (alignedTimeout != null && !unaligned) throw new IllegalArgumentException("--aligned-timeout needs --unaligned");
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        if (alignedTimeout != null) env.getCheckpointConfig().setAlignedCheckpointTimeout(parseDuration(alignedTimeout));
        if (restore != null) {
            if (restore.equals("latest") && checkpointDir == null) throw new IllegalArgumentException("--restore latest needs --checkpoint-dir");
            env.restoreFrom(restore);
        }
        if (allowNonRestoredState) {
            if (restore == null) throw new IllegalArgumentException("--allow-non-restored-state needs --restore");
            env.allowNonRestoredState(true);
        }
    }

    boolean enabled() {
        return interval != null;
    }

    /** "1s", "500ms", "2m", "1h", or plain milliseconds. */
    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + s + "': use e.g. 500ms, 1s, 2m or 1h");
        }
    }
}
