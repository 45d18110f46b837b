package io.runnel.state.rocksdb;

import io.runnel.runtime.state.KeyContext;
import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * What every state handle of one backend shares: the database, the current key, the clock, and
 * buffers reused for every record (one for keys, one for values, one for reads). Used only by
 * the task's thread, like the state handles.
 */
final class StateContext {
    private final StateDatabase db;
    private final KeyContext keys;
    private final LongSupplier clock;
    private final ByteOut key = new ByteOut(64);
    private final ByteOut value = new ByteOut(256);
    private final ByteIn in = new ByteIn();
    private byte[] readBuffer = new byte[256];
    /**
     * The key whose bytes (key group + key) are at the start of {@link #key}, compared by identity:
     * several state accesses for one record serialize the key once. Keys are never mutated (their
     * hash code picks the key group), so identity is enough; the group is compared as a guard.
     */
    private Object cachedKey;
    private int cachedKeyGroup = -1;
    private int cachedKeyLength;

    StateContext(StateDatabase db, KeyContext keys, LongSupplier clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    /** Writes key group + current key into the key buffer (once per key, not per access); returns the length. */
    int currentKey() {
        Object k = keys.currentKey();
        if (k == null) throw new IllegalStateException("keyed state accessed with no current key (outside a keyed context?)");
        int group = keys.firstKeyGroup() + keys.keyGroupIndex();
        if (k != cachedKey || group != cachedKeyGroup) {
            key.reset();
            StateBytesDescriptor.writeKeyGroup(group, key);
            CompactSerializer.write(k, key);
            cachedKey = k;
            cachedKeyGroup = group;
            cachedKeyLength = key.length();
        } else {
            key.truncate(cachedKeyLength);
        }
        return cachedKeyLength;
    }

    /** The current key followed by {@code userKey} (a map entry's key); returns the length. */
    int currentKeyWith(Object userKey) {
        currentKey();
        CompactSerializer.write(userKey, key);
        return key.length();
    }

    /** The current key followed by {@code namespace} (a window, a slice end); returns the length. */
    int currentKeyWithNamespace(Object namespace) {
        currentKey();
        NamespaceBytes.write(namespace, key);
        return key.length();
    }

    KeyContext keys() {
        return keys;
    }

    byte[] keyBytes() {
        return key.array();
    }

    /** The value buffer, emptied. */
    ByteOut valueOut() {
        value.reset();
        return value;
    }

    ByteIn in(byte[] bytes, int offset, int length) {
        return in.wrap(bytes, offset, length);
    }

    byte[] readBuffer() {
        return readBuffer;
    }

    /** Reads the value of the first {@code keyLength} key bytes into {@link #readBuffer()}; its length, or -1. */
    int read(ColumnFamilyHandle cf, int keyLength) throws RocksDBException {
        byte[] k = key.array();
        int n = db.db().get(cf, db.readOptions(), k, 0, keyLength, readBuffer, 0, readBuffer.length);
        if (n > readBuffer.length) {
            readBuffer = new byte[Math.max(n, readBuffer.length * 2)];
            n = db.db().get(cf, db.readOptions(), k, 0, keyLength, readBuffer, 0, readBuffer.length);
        }
        return n < 0 ? -1 : n;
    }

    void put(ColumnFamilyHandle cf, int keyLength, byte[] v, int offset, int length) throws RocksDBException {
        db.db().put(cf, db.writeOptions(), key.array(), 0, keyLength, v, offset, length);
    }

    void merge(ColumnFamilyHandle cf, int keyLength, byte[] v, int offset, int length) throws RocksDBException {
        db.db().merge(cf, db.writeOptions(), key.array(), 0, keyLength, v, offset, length);
    }

    void delete(ColumnFamilyHandle cf, int keyLength) throws RocksDBException {
        db.db().delete(cf, db.writeOptions(), key.array(), 0, keyLength);
    }

    StateDatabase database() {
        return db;
    }

    /** The current key for error messages. */
    String describeKey() {
        return String.valueOf(keys.currentKey());
    }
}
