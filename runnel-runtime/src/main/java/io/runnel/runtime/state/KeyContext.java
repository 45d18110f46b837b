package io.runnel.runtime.state;

/**
 * The key the operator is working on. Set before each record and timer; state handles and the
 * timer service read it. The key group is computed once per record.
 */
public final class KeyContext {
    private final int maxParallelism;
    private final int firstKeyGroup;
    private final int keyGroupCount;
    private Object key;
    private int keyGroupIndex;
    /** The key was set by the task from the batch, for the next record; see {@link #takePreset}. */
    private boolean preset;
    /** Runs after each key change: the state backend's per-record TTL cleanup, if any. */
    private Runnable afterKeySet;

    public KeyContext(int maxParallelism, int firstKeyGroup, int endKeyGroup) {
        this.maxParallelism = maxParallelism;
        this.firstKeyGroup = firstKeyGroup;
        this.keyGroupCount = endKeyGroup - firstKeyGroup;
    }

    public void setCurrentKey(Object key) {
        preset = false;
        set(key, KeyGroups.keyGroupOf(key, maxParallelism));
    }

    /** Makes {@code key} of absolute key group {@code keyGroup} current, if this subtask owns the group. */
    private void set(Object key, int keyGroup) {
        int kg = keyGroup - firstKeyGroup;
        if (kg < 0 || kg >= keyGroupCount) {
            throw new IllegalStateException("key " + key + " belongs to key group " + keyGroup
                    + ", not owned by this subtask (" + firstKeyGroup + ".." + (firstKeyGroup + keyGroupCount - 1) + ")");
        }
        this.key = key;
        this.keyGroupIndex = kg;
        if (afterKeySet != null) afterKeySet.run();
    }

    /** Sets what runs after every {@link #setCurrentKey} (one hook: the state backend's). */
    public void afterKeySet(Runnable hook) {
        this.afterKeySet = hook;
    }

    /**
     * Sets the key of the next record as the sender computed it (key and absolute key group), so
     * the operator need not extract and hash it again.
     */
    public void presetKey(Object key, int keyGroup) {
        set(key, keyGroup);
        this.preset = true;
    }

    /** True (once) if the current key was preset for the record now being processed. */
    public boolean takePreset() {
        boolean p = preset;
        preset = false;
        return p;
    }

    public Object currentKey() {
        return key;
    }

    /** The current key's group, relative to this subtask's first group. */
    public int keyGroupIndex() {
        return keyGroupIndex;
    }

    public int keyGroupCount() {
        return keyGroupCount;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    /** The group of {@code key} relative to this subtask's first; the current key's without hashing again. */
    public int keyGroupIndexOf(Object key) {
        return key == this.key ? keyGroupIndex : KeyGroups.keyGroupOf(key, maxParallelism) - firstKeyGroup;
    }

    public int firstKeyGroup() {
        return firstKeyGroup;
    }
}
