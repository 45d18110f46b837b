package io.runnel.runtime.state;

/**
 * Maps keys to key groups and key groups to subtasks. A key's group depends only on its
 * {@code hashCode()} and the max parallelism, so it is the same in every JVM and at any parallelism.
 */
public final class KeyGroups {
    private KeyGroups() {}

    public static int keyGroupOf(Object key, int maxParallelism) {
        if (key == null) throw new NullPointerException("a key selector returned null: keys must not be null");
        return Math.floorMod(murmur(key.hashCode()), maxParallelism);
    }

    /** The subtask that owns {@code keyGroup} when the operator runs with {@code parallelism}. */
    public static int subtaskOf(int keyGroup, int maxParallelism, int parallelism) {
        return keyGroup * parallelism / maxParallelism;
    }

    public static int subtaskOfKey(Object key, int maxParallelism, int parallelism) {
        return subtaskOf(keyGroupOf(key, maxParallelism), maxParallelism, parallelism);
    }

    /** The first key group of {@code subtask}: the inverse of {@link #subtaskOf}. */
    public static int firstKeyGroup(int subtask, int maxParallelism, int parallelism) {
        return (subtask * maxParallelism + parallelism - 1) / parallelism;
    }

    /** One past the last key group of {@code subtask}. */
    public static int endKeyGroup(int subtask, int maxParallelism, int parallelism) {
        return firstKeyGroup(subtask + 1, maxParallelism, parallelism);
    }

    /** Murmur3's 32-bit finaliser: spreads poor hash codes (small integers) over all groups. */
    static int murmur(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
