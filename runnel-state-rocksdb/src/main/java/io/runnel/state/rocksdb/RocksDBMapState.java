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
 * <p>With a TTL the map expires as a whole, as on the heap: an extra entry at the bare key
 * (which sorts before the map's entries) holds the stamp of the last write (or read).
 */
final class RocksDBMapState<K, V> extends RocksDBState implements MapState<K, V> {
    /** Reads one entry of a prefix scan; {@code userKeyAt} is where the user key starts in {@code key}. */
    private interface EntryReader<R> {
        R read(byte[] key, int userKeyAt, byte[] value);
    }

    private final EntryReader<Map.Entry<K, V>> entryReader = (k, at, v) -> new SimpleImmutableEntry<>(userKey(k, at), value(v));
    private final EntryReader<K> keyReader = (k, at, v) -> userKey(k, at);
    private final EntryReader<V> valueReader = (k, at, v) -> value(v);

    RocksDBMapState(String name, ColumnFamilyHandle cf, StateContext ctx, TtlPolicy ttl) {
        super(name, cf, ctx, ttl);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(K key) {
        if (!live(true)) return null;
        int n = read(ctx.currentKeyWith(key));
        return n < 0 ? null : (V) CompactSerializer.read(ctx.in(ctx.readBuffer(), 0, n));
    }

    @Override
    public void put(K key, V value) {
        touchForWrite();
        writeEntry(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        touchForWrite();
        for (Map.Entry<K, V> e : entries.entrySet()) writeEntry(e.getKey(), e.getValue());
    }

    @Override
    public void remove(K key) {
        if (!live(true)) return;
        delete(ctx.currentKeyWith(key));
        if (ttl.enabled() && scan(1, keyReader).isEmpty()) delete(ctx.currentKey());
    }

    @Override
    public boolean contains(K key) {
        return live(true) && read(ctx.currentKeyWith(key)) >= 0;
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return live(true) ? scan(Integer.MAX_VALUE, entryReader) : List.of();
    }

    @Override
    public Iterable<K> keys() {
        return live(true) ? scan(Integer.MAX_VALUE, keyReader) : List.of();
    }

    @Override
    public Iterable<V> values() {
        return live(true) ? scan(Integer.MAX_VALUE, valueReader) : List.of();
    }

    @Override
    public boolean isEmpty() {
        return !live(true) || scan(1, keyReader).isEmpty();
    }

    /** Deletes every entry of the current key's map (and its stamp). */
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

    private void writeEntry(K key, V value) {
        int keyLength = ctx.currentKeyWith(key);
        ByteOut out = ctx.valueOut();
        CompactSerializer.write(value, out);
        put(keyLength, out.array(), 0, out.length());
    }

    /**
     * Without a TTL, true. With one: whether the current key's map exists and has not expired; an
     * expired map is deleted here. {@code refresh}: restamp it when reads count as access.
     */
    private boolean live(boolean refresh) {
        if (!ttl.enabled()) return true;
        int keyLength = ctx.currentKey();
        int n = read(keyLength);
        if (n < 0) return false;
        long now = ctx.now();
        if (ttl.expired(StateBytesDescriptor.stampAt(ctx.readBuffer(), 0), now)) {
            clear();
            return false;
        }
        if (refresh && ttl.refreshOnRead()) writeStamp(now);
        return true;
    }

    /** Before a write: drop an expired map (so the write starts a new one), then stamp it now. */
    private void touchForWrite() {
        if (!ttl.enabled()) return;
        live(false);
        writeStamp(ctx.now());
    }

    private void writeStamp(long now) {
        int keyLength = ctx.currentKey();
        ByteOut out = ctx.valueOut();
        out.writeLong(now);
        put(keyLength, out.array(), 0, out.length());
    }

    /** Up to {@code max} entries of the current key's map, in key-byte order, skipping the TTL stamp. */
    private <R> List<R> scan(int max, EntryReader<R> reader) {
        byte[] prefix = currentPrefix();
        List<R> out = new ArrayList<>();
        try (RocksIterator it = ctx.database().db().newIterator(cf, ctx.database().readOptions())) {
            for (it.seek(prefix); it.isValid() && out.size() < max; it.next()) {
                byte[] k = it.key();
                if (!startsWith(k, prefix)) break;
                if (k.length == prefix.length) continue;
                out.add(reader.read(k, prefix.length, it.value()));
            }
            if (out.size() < max) it.status();
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
        return (V) CompactSerializer.read(ctx.in(value, 0, value.length));
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
