package io.runnel.runtime.channel;

import io.runnel.api.functions.KeySelector;
import io.runnel.runtime.state.KeyGroups;
import io.runnel.runtime.state.StableKeys;

/**
 * Picks the channel of a record on a keyed edge from its key group. The writer keeps the key and
 * key group it computed here in the batch, for the receiving keyed operator.
 */
public final class KeyPartitioner implements Partitioner {
    private final KeySelector<Object, ?> selector;
    private final int maxParallelism;
    private final StableKeys.Guard keyCheck;

    public KeyPartitioner(KeySelector<Object, ?> selector, int maxParallelism, StableKeys.Guard keyCheck) {
        this.selector = selector;
        this.maxParallelism = maxParallelism;
        this.keyCheck = keyCheck;
    }

    /** The record's key, checked to hash the same in every JVM. */
    public Object keyOf(Object record) throws Exception {
        return keyCheck.check(selector.getKey(record));
    }

    public int keyGroupOf(Object key) {
        return KeyGroups.keyGroupOf(key, maxParallelism);
    }

    public int channelOf(int keyGroup, int channels) {
        return KeyGroups.subtaskOf(keyGroup, maxParallelism, channels);
    }

    @Override
    public int select(Object record, int channels) throws Exception {
        return channelOf(keyGroupOf(keyOf(record)), channels);
    }
}
