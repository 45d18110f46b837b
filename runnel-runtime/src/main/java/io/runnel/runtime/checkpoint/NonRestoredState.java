package io.runnel.runtime.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state in a checkpoint that a job cannot take: state files, source splits or sink
 * committables of operator ids (uids) the job no longer has. Restoring it would drop it silently.
 */
public final class NonRestoredState {
    private NonRestoredState() {}

    /** Operator ids with state in {@code meta} that are not among {@code jobOperators}, sorted. */
    public static Set<String> of(CheckpointMetadata meta, Set<String> jobOperators) {
        Set<String> out = new TreeSet<>();
        meta.operators().forEach((id, e) -> {
            if (e.files().stream().anyMatch(Objects::nonNull)) out.add(id);
        });
        addNonEmpty(out, meta.splits());
        addNonEmpty(out, meta.committables());
        out.removeAll(jobOperators);
        return out;
    }

    private static void addNonEmpty(Set<String> out, Map<String, List<Object>> m) {
        m.forEach((id, l) -> {
            if (!l.isEmpty()) out.add(id);
        });
    }

    /** The error for a restore that would drop state of {@code unmatched}. */
    public static IllegalStateException error(java.nio.file.Path from, Set<String> unmatched) {
        return new IllegalStateException("cannot restore " + from + ": it holds state of operator(s) " + unmatched
                + " that the job does not have (operators are matched by uid). Give the operators their old uids, or allow"
                + " dropping that state with allowNonRestoredState(true) (runnel run --allow-non-restored-state)");
    }
}
