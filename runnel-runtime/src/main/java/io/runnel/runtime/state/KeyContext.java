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

    public KeyContext(int maxParallelism, int firstKeyGroup, int endKeyGroup) {
        this.maxParallelism = maxParallelism;
        this.firstKeyGroup = firstKeyGroup;
        this.keyGroupCount = endKeyGroup - firstKeyGroup;
    }

    public void setCurrentKey(Object key) {
        int kg = KeyGroups.keyGroupOf(key, maxParallelism) - firstKeyGroup;
        if (kg < 0 || kg >= keyGroupCount) {
            throw new IllegalStateException("key " + key + " belongs to key group " + (kg + firstKeyGroup)
                    + ", not owned by this subtask (" + firstKeyGroup + ".." + (firstKeyGroup + keyGroupCount - 1) + ")");
        }
        this.key = key;
        this.keyGroupIndex = kg;
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
