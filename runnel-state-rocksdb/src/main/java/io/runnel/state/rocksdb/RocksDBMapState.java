package io.runnel.state.rocksdb;

import io.runnel.api.state.MapState;
import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * A map per key, one RocksDB entry per map entry (key group + key + user key), so get, put and
 * remove are point operations; iteration scans the key's prefix and returns a copy.
 *
 * <p>With a TTL each entry's value starts with its own stamp and the entry expires on its own,
 * as on the heap; reading an entry (get, contains, iteration) restamps it when reads count as
 * access, {@link #isEmpty} reads none.
 */
final class RocksDBMapState<K, V> extends RocksDBState implements MapState<K, V> {
    private static final int STAMP = StateBytesDescriptor.STAMP_BYTES;

    /** Reads one entry of a prefix scan; {@code userKeyAt} is where the user key starts in {@code key}. */
    private interface EntryReader<R> {
        R read(byte[] key, int userKeyAt, byte[] value);
    }

    private final EntryReader<Map.Entry<K, V>> entryReader = (k, at, v) -> new SimpleImmutableEntry<>(userKey(k, at), value(v));
    private final EntryReader<K> keyReader = (k, at, v) -> userKey(k, at);
    private final EntryReader<V> valueReader = (k, at, v) -> value(v);

    RocksDBMapState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl) {
        super(name, cf, ctx, ttl, TtlSweeper.Layout.STAMPED_VALUE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(K key) {
        onAccess();
        int n = readLive(key);
        return n < 0 ? null : (V) CompactSerializer.read(ctx.in(ctx.readBuffer(), valueOffset(), n - valueOffset()));
    }

    @Override
    public void put(K key, V value) {
        onAccess();
        writeEntry(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        onAccess();
        for (Map.Entry<K, V> e : entries.entrySet()) writeEntry(e.getKey(), e.getValue());
    }

    @Override
    public void remove(K key) {
        onAccess();
        delete(ctx.currentKeyWith(key));
    }

    @Override
    public boolean contains(K key) {
        onAccess();
        return readLive(key) >= 0;
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        onAccess();
        return scan(Integer.MAX_VALUE, true, entryReader);
    }

    @Override
    public Iterable<K> keys() {
        onAccess();
        return scan(Integer.MAX_VALUE, true, keyReader);
    }

    @Override
    public Iterable<V> values() {
        onAccess();
        return scan(Integer.MAX_VALUE, true, valueReader);
    }

    @Override
    public boolean isEmpty() {
        onAccess();
        return scan(1, false, keyReader).isEmpty();
    }

    /** Deletes every entry of the current key's map. */
    @Override
    public void clear() {
        byte[] prefix = currentPrefix();
        try (RocksIterator it = ctx.database().db().newIterator(cf, ctx.database().readOptions());
             WriteBatch batch = new WriteBatch()) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (!startsWith(k, prefix)) break;
                batch.delete(cf, k);
            }
            it.status();
            if (batch.count() > 0) ctx.database().db().write(ctx.database().writeOptions(), batch);
        } catch (RocksDBException e) {
            throw failure("clear", e);
        }
    }

    private int valueOffset() {
        return ttl.enabled() ? STAMP : 0;
    }

    /**
     * Reads {@code key}'s entry into the read buffer; its length, or -1 when absent or expired
     * (then deleted). Restamps it when reads count as access.
     */
    private int readLive(K key) {
        int keyLength = ctx.currentKeyWith(key);
        int n = read(keyLength);
        if (n < 0 || !ttl.enabled()) return n;
        byte[] b = ctx.readBuffer();
        long now = ctx.now();
        if (ttl.expired(StateBytesDescriptor.stampAt(b, 0), now)) {
            delete(keyLength);
            return -1;
        }
        if (ttl.refreshOnRead()) {
            ByteOut.putLong(b, 0, now);
            put(keyLength, b, 0, n);
        }
        return n;
    }

    private void writeEntry(K key, V value) {
        int keyLength = ctx.currentKeyWith(key);
        ByteOut out = ctx.valueOut();
        if (ttl.enabled()) out.writeLong(ctx.now());
        CompactSerializer.write(value, out);
        put(keyLength, out.array(), 0, out.length());
    }

    /**
     * Up to {@code max} live entries of the current key's map, in key-byte order. With a TTL,
     * expired entries met on the way are deleted, and live ones restamped if {@code read} and
     * reads count as access.
     */
    private <R> List<R> scan(int max, boolean read, EntryReader<R> reader) {
        byte[] prefix = currentPrefix();
        List<R> out = new ArrayList<>();
        long now = ttl.enabled() ? ctx.now() : 0;
        try (RocksIterator it = ctx.database().db().newIterator(cf, ctx.database().readOptions());
             WriteBatch batch = new WriteBatch()) {
            for (it.seek(prefix); it.isValid() && out.size() < max; it.next()) {
                byte[] k = it.key();
                if (!startsWith(k, prefix)) break;
                byte[] v = it.value();
                if (ttl.enabled()) {
                    if (ttl.expired(StateBytesDescriptor.stampAt(v, 0), now)) {
                        batch.delete(cf, k);
                        continue;
                    }
                    if (read && ttl.refreshOnRead()) {
                        ByteOut.putLong(v, 0, now);
                        batch.put(cf, k, v);
                    }
                }
                out.add(reader.read(k, prefix.length, v));
            }
            if (out.size() < max) it.status();
            if (batch.count() > 0) ctx.database().db().write(ctx.database().writeOptions(), batch);
        } catch (RocksDBException e) {
            throw failure("iterate", e);
        }
        return out;
    }

    private byte[] currentPrefix() {
        int length = ctx.currentKey(); // first: writing the key may grow (replace) the key buffer
        return Arrays.copyOf(ctx.keyBytes(), length);
    }

    @SuppressWarnings("unchecked")
    private K userKey(byte[] key, int at) {
        return (K) CompactSerializer.read(ctx.in(key, at, key.length - at));
    }

    @SuppressWarnings("unchecked")
    private V value(byte[] value) {
        int at = valueOffset();
        return (V) CompactSerializer.read(ctx.in(value, at, value.length - at));
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
