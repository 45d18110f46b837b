package io.runnel.runtime.state;

/**
 * Maps keys to key groups and key groups to subtasks, exactly as Flink's key-group assignment
 * does (the same murmur hash of {@code hashCode()}, the same ranges), so a job moved to Flink
 * keeps its keys where they were. A key's group depends only on its {@code hashCode()} and the
 * max parallelism; {@link StableKeys} rejects keys whose hash code differs between JVMs.
 */
public final class KeyGroups {
    private KeyGroups() {}

    public static int keyGroupOf(Object key, int maxParallelism) {
        if (key == null) throw new NullPointerException("a key selector returned null: keys must not be null");
        return keyGroupOfHash(key.hashCode(), maxParallelism);
    }

    /** The key group of a key whose {@code hashCode()} is {@code hash}. */
    public static int keyGroupOfHash(int hash, int maxParallelism) {
        return murmur(hash) % maxParallelism;
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

    /**
     * Murmur3 (32 bit, seed 0) of one 4-byte block, made non-negative: the hash Flink partitions
     * keys with. The body mixes the block into the seed; the tail is empty; the length (4 bytes)
     * goes in before the finaliser. Negative results are negated; MIN_VALUE maps to 0.
     */
    static int murmur(int code) {
        int k = code * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        int h = Integer.rotateLeft(k, 13) * 5 + 0xe6546b64;
        h ^= 4;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        if (h >= 0) return h;
        return h == Integer.MIN_VALUE ? 0 : -h;
    }
}
