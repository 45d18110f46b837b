package io.runnel.state.rocksdb;

import io.runnel.runtime.state.NamespacedState;
import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * Namespaced state in RocksDB: key bytes = key group + key + namespace, so one key's namespaces
 * are contiguous (a prefix scan) and key groups stay contiguous ranges for snapshots and rescale.
 *
 * <p>The decoded value of the last (key, namespace) read or written is kept (a one-entry
 * write-back cache): a window aggregate read and written back on every record is then decoded
 * and encoded once per run of records for that (key, namespace), not per record. A written value
 * reaches RocksDB when another (key, namespace) is accessed, or on {@link #flush()}, which the
 * backend calls before anything reads the database directly (snapshots, key scans, close); the
 * scans here flush first. {@link #get} of the cached entry returns the cached object (as the heap
 * returns its stored one); scans decode fresh copies.
 */
final class RocksDBNamespacedState<V> extends RocksDBState implements NamespacedState<V> {
    /**
     * First byte of each element of a list value: outside the serializer's tags, so a value
     * starting with it is a list (elements concatenated by RocksDB's append merge).
     */
    private static final byte ELEMENT = 0x7F;
    private final ByteIn scanIn = new ByteIn();
    /** Key bytes (key group + key + namespace) of the cached entry; {@code cachedLength < 0} when none. */
    private byte[] cachedKey = new byte[64];
    private int cachedLength = -1;
    /** The cached entry's value (null: absent); when {@code dirty}, not yet written to RocksDB. */
    private V cachedValue;
    private boolean dirty;

    RocksDBNamespacedState(String name, ColumnFamilyHandle cf, StateContext ctx) {
        super(name, cf, ctx, new TtlPolicy(io.runnel.api.state.StateTtlConfig.DISABLED), TtlSweeper.Layout.STAMPED_VALUE);
    }

    @Override
    public V get(Object namespace) {
        int keyLength = ctx.currentKeyWithNamespace(namespace);
        if (isCached(keyLength)) return cachedValue;
        flush();
        int n = read(keyLength);
        V value = n < 0 ? null : decode(ctx.readBuffer(), n);
        remember(keyLength, value, false);
        return value;
    }

    /** Whether the context's key buffer holds the cached entry's key bytes. */
    private boolean isCached(int keyLength) {
        return cachedLength == keyLength && Arrays.equals(ctx.keyBytes(), 0, keyLength, cachedKey, 0, keyLength);
    }

    private void remember(int keyLength, V value, boolean written) {
        if (cachedKey.length < keyLength) cachedKey = new byte[Math.max(keyLength, cachedKey.length * 2)];
        System.arraycopy(ctx.keyBytes(), 0, cachedKey, 0, keyLength);
        cachedLength = keyLength;
        cachedValue = value;
        dirty = written;
    }

    /** Writes the cached entry to RocksDB if it was changed since read; keeps it cached. */
    void flush() {
        if (!dirty) return;
        dirty = false;
        try {
            StateDatabase db = ctx.database();
            ByteOut out = encode(cachedValue);
            db.db().put(cf, db.writeOptions(), cachedKey, 0, cachedLength, out.array(), 0, out.length());
        } catch (org.rocksdb.RocksDBException e) {
            throw failure("write", e);
        }
    }

    /** Forgets the cached entry without writing it: after a restore replaced the database's contents. */
    void dropCache() {
        cachedLength = -1;
        cachedValue = null;
        dirty = false;
    }

    /** A plain value, or (first byte {@link #ELEMENT}) a list of elements appended or put. */
    @SuppressWarnings("unchecked")
    private V decode(byte[] b, int n) {
        if (n > 0 && b[0] == ELEMENT) {
            ArrayList<Object> list = new ArrayList<>();
            ByteIn in = ctx.in(b, 0, n);
            while (in.hasRemaining()) {
                if (in.readByte() != ELEMENT) throw new IllegalStateException("corrupt list in RocksDB state '" + name + "' for key " + ctx.describeKey());
                int length = in.readInt();
                int start = in.position();
                list.add(CompactSerializer.read(in));
                if (in.position() - start != length) throw new IllegalStateException("corrupt list element in RocksDB state '" + name + "'");
            }
            return (V) list;
        }
        return (V) CompactSerializer.read(ctx.in(b, 0, n));
    }

    @Override
    public void put(Object namespace, V value) {
        if (value == null || (value instanceof ArrayList<?> l && l.isEmpty())) {
            remove(namespace);
            return;
        }
        int keyLength = ctx.currentKeyWithNamespace(namespace);
        if (!isCached(keyLength)) flush();
        remember(keyLength, value, true);
    }

    private ByteOut encode(V value) {
        ByteOut out = ctx.valueOut();
        if (value instanceof ArrayList<?> l) {
            // lists as elements, so appends can follow
            for (Object e : l) writeElement(e, out);
        } else {
            CompactSerializer.write(value, out);
        }
        return out;
    }

    @Override
    public void append(Object namespace, Object element) {
        int keyLength = ctx.currentKeyWithNamespace(namespace);
        if (isCached(keyLength)) {
            // the merge extends the stored list: write the cached one first, and do not change
            // a list a caller holds; the next get reads the merged list
            flush();
            dropCache();
        }
        ByteOut out = ctx.valueOut();
        writeElement(element, out);
        merge(keyLength, out.array(), 0, out.length());
    }

    private static void writeElement(Object e, ByteOut out) {
        out.writeByte(ELEMENT);
        int at = out.skip(StateBytesDescriptor.ELEMENT_LENGTH_BYTES);
        int start = out.length();
        CompactSerializer.write(e, out);
        out.setInt(at, out.length() - start);
    }

    @Override
    public void remove(Object namespace) {
        int keyLength = ctx.currentKeyWithNamespace(namespace);
        if (!isCached(keyLength)) flush();
        remember(keyLength, null, false);
        delete(keyLength);
    }

    @Override
    public void forEach(EntryVisitor<V> visitor) throws Exception {
        flush();
        scan(null, visitor);
    }

    @Override
    public void forEachOfCurrentKey(EntryVisitor<V> visitor) throws Exception {
        flush();
        Object key = ctx.keys().currentKey();
        int length = ctx.currentKey();
        scan(Arrays.copyOf(ctx.keyBytes(), length), visitor);
        ctx.keys().setCurrentKey(key);
    }

    /**
     * Visits the entries whose key bytes start with {@code prefix} (all when null). The iterator
     * reads the state as of its creation, so the visitor's writes do not disturb the scan.
     */
    @SuppressWarnings("unchecked")
    private void scan(byte[] prefix, EntryVisitor<V> visitor) throws Exception {
        StateDatabase db = ctx.database();
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions())) {
            if (prefix == null) it.seekToFirst();
            else it.seek(prefix);
            Object lastKey = null;
            byte[] lastKeyBytes = null;
            for (; it.isValid(); it.next()) {
                byte[] k = it.key();
                if (prefix != null && !startsWith(k, prefix)) break;
                scanIn.wrap(k, StateBytesDescriptor.KEY_GROUP_BYTES, k.length - StateBytesDescriptor.KEY_GROUP_BYTES);
                Object key = CompactSerializer.read(scanIn);
                int keyEnd = scanIn.position();
                // one key object per run of entries, so the context serializes it once
                if (lastKeyBytes != null && keyEnd == lastKeyBytes.length && Arrays.equals(k, 0, keyEnd, lastKeyBytes, 0, keyEnd)) key = lastKey;
                else {
                    lastKey = key;
                    lastKeyBytes = Arrays.copyOf(k, keyEnd);
                }
                Object namespace = NamespaceBytes.read(scanIn);
                byte[] v = it.value();
                V value = decode(v, v.length);
                ctx.keys().setCurrentKey(key);
                visitor.visit(key, namespace, value);
            }
            it.status();
        }
    }

    private static boolean startsWith(byte[] k, byte[] prefix) {
        return k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public long size() {
        flush();
        StateDatabase db = ctx.database();
        long n = 0;
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions())) {
            for (it.seekToFirst(); it.isValid(); it.next()) n++;
            it.status();
        } catch (org.rocksdb.RocksDBException e) {
            throw failure("scan", e);
        }
        return n;
    }
}
