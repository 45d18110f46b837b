package io.runnel.sql.planner;

import java.util.Arrays;

/**
 * What kinds of rows a translated subtree emits, as Flink's changelog modes: insert-only, or updating. An updating
 * stream emits retractions (every update as UPDATE_BEFORE of the old row and UPDATE_AFTER of the new one, removals as
 * DELETE); {@code upsertKey} names the columns that identify a row of its table when known (empty: none inferred).
 * Every operator that takes an updating input must handle UPDATE_BEFORE and DELETE as removals.
 */
public record ChangelogMode(boolean insertOnly, int[] upsertKey) {
    public static final ChangelogMode INSERT_ONLY = new ChangelogMode(true, new int[0]);

    public ChangelogMode {
        upsertKey = upsertKey.clone();
    }

    /** An updating stream whose rows are identified by {@code upsertKey} (none when empty). */
    public static ChangelogMode updating(int... upsertKey) {
        return new ChangelogMode(false, upsertKey);
    }

    public boolean isUpdating() {
        return !insertOnly;
    }

    /** As EXPLAIN shows it: {@code [I]} or {@code [I,UB,UA,D] upsert key (0, 2)}. */
    public String describe() {
        if (insertOnly) {
            return "changelog [I]";
        }
        return "changelog [I,UB,UA,D]" + (upsertKey.length == 0 ? ", no upsert key"
                : ", upsert key " + Arrays.toString(upsertKey).replace('[', '(').replace(']', ')'));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangelogMode m && m.insertOnly == insertOnly && Arrays.equals(m.upsertKey, upsertKey);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(insertOnly) * 31 + Arrays.hashCode(upsertKey);
    }

    @Override
    public String toString() {
        return describe();
    }
}
