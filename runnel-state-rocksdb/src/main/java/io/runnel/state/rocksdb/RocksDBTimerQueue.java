package io.runnel.state.rocksdb;

import io.runnel.runtime.state.KeyContext;
import io.runnel.runtime.state.TimerEntry;
import io.runnel.runtime.state.TimerQueue;
import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;
import io.runnel.state.rocksdb.serial.CompactSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Timers in RocksDB, as Flink's RocksDB timer service keeps them: one column family whose keys
 * are ordered by key group, then time, then key and namespace (layout in {@link
 * StateBytesDescriptor}), so the checkpoint holds them and a restore takes whole key groups.
 * Per key group a small sorted cache holds its earliest timers, so firing reads RocksDB only
 * when a group's cache runs dry; the earliest timer overall is the least of the groups' heads.
 * A timer is a key with an empty value: registering one twice writes the same key.
 */
final class RocksDBTimerQueue implements TimerQueue {
    /** Timers cached per key group. */
    static final int CACHE_SIZE = 64;
    private static final byte[] EMPTY = new byte[0];

    private final String name;
    private final ColumnFamilyHandle cf;
    private final StateDatabase db;
    private final KeyContext keys;
    private final GroupHead[] groups;
    private final ByteOut keyOut = new ByteOut(64);
    private final ByteIn in = new ByteIn();

    /** The earliest timers of one key group, by key bytes (time order). */
    private static final class GroupHead {
        final TreeMap<byte[], TimerEntry> head = new TreeMap<>(Arrays::compareUnsigned);
        /** The head was read from RocksDB since the last restore. */
        boolean loaded;
        /** The head holds every timer of the group, not just the earliest. */
        boolean complete;
        /**
         * No timer of the group sorts below this key (the last one fired, unless an earlier one
         * came since): reading the head seeks here, past the deletions of fired timers, which
         * RocksDB would otherwise step over on every read.
         */
        byte[] floor;
    }

    RocksDBTimerQueue(String name, ColumnFamilyHandle cf, StateDatabase db, KeyContext keys) {
        this.name = name;
        this.cf = cf;
        this.db = db;
        this.keys = keys;
        this.groups = new GroupHead[keys.keyGroupCount()];
        for (int i = 0; i < groups.length; i++) groups[i] = new GroupHead();
    }

    private byte[] encode(int g, TimerEntry t) {
        keyOut.reset();
        StateBytesDescriptor.writeKeyGroup(keys.firstKeyGroup() + g, keyOut);
        keyOut.writeLong(t.time() ^ Long.MIN_VALUE); // sign bit flipped: unsigned byte order is time order
        CompactSerializer.write(t.key(), keyOut);
        NamespaceBytes.write(t.namespace(), keyOut);
        return keyOut.toByteArray();
    }

    private TimerEntry decode(byte[] k) {
        in.wrap(k, StateBytesDescriptor.KEY_GROUP_BYTES, k.length - StateBytesDescriptor.KEY_GROUP_BYTES);
        long time = in.readLong() ^ Long.MIN_VALUE;
        Object key = CompactSerializer.read(in);
        return new TimerEntry(time, key, NamespaceBytes.read(in));
    }

    private int groupOf(TimerEntry t) {
        int g = keys.keyGroupIndexOf(t.key());
        if (g < 0 || g >= groups.length) {
            throw new IllegalStateException("timer for key " + t.key() + " does not belong to this subtask's key groups");
        }
        return g;
    }

    /** The group's head, read from RocksDB if it is not known or ran dry while more timers wait there. */
    private GroupHead head(int g) {
        GroupHead h = groups[g];
        if (!h.loaded || (h.head.isEmpty() && !h.complete)) load(g, h);
        return h;
    }

    private void load(int g, GroupHead h) {
        h.head.clear();
        int kg = keys.firstKeyGroup() + g;
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions())) {
            it.seek(h.floor != null ? h.floor : StateBytesDescriptor.keyGroupPrefix(kg));
            while (it.isValid() && h.head.size() < CACHE_SIZE) {
                byte[] k = it.key();
                if (StateBytesDescriptor.keyGroupOf(k) != kg) break;
                h.head.put(k, decode(k));
                it.next();
            }
            h.complete = !it.isValid() || StateBytesDescriptor.keyGroupOf(it.key()) != kg;
            it.status();
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
        h.loaded = true;
    }

    @Override
    public void add(TimerEntry t) {
        int g = groupOf(t);
        byte[] k = encode(g, t);
        GroupHead h = head(g);
        if (h.head.containsKey(k)) return;
        write(k);
        if (h.floor != null && Arrays.compareUnsigned(k, h.floor) < 0) h.floor = k;
        if (h.complete) {
            h.head.put(k, t);
            if (h.head.size() > CACHE_SIZE) {
                h.head.pollLastEntry(); // stays in RocksDB
                h.complete = false;
            }
        } else if (Arrays.compareUnsigned(k, h.head.lastKey()) < 0) {
            h.head.put(k, t);
            h.head.pollLastEntry();
        }
    }

    @Override
    public void delete(TimerEntry t) {
        int g = groupOf(t);
        byte[] k = encode(g, t);
        remove(k);
        groups[g].head.remove(k);
    }

    /** The group whose head is earliest, or -1. */
    private int earliestGroup() {
        int best = -1;
        long bestTime = Long.MAX_VALUE;
        for (int g = 0; g < groups.length; g++) {
            GroupHead h = head(g);
            if (h.head.isEmpty()) continue;
            long time = h.head.firstEntry().getValue().time();
            if (best < 0 || time < bestTime) {
                best = g;
                bestTime = time;
            }
        }
        return best;
    }

    @Override
    public long nextTime() {
        int g = earliestGroup();
        return g < 0 ? Long.MAX_VALUE : groups[g].head.firstEntry().getValue().time();
    }

    @Override
    public TimerEntry pollDue(long time) {
        int g = earliestGroup();
        if (g < 0 || groups[g].head.firstEntry().getValue().time() > time) return null;
        Map.Entry<byte[], TimerEntry> e = groups[g].head.pollFirstEntry();
        remove(e.getKey());
        groups[g].floor = e.getKey();
        return e.getValue();
    }

    @Override
    public int size() {
        int n = 0;
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions())) {
            for (it.seekToFirst(); it.isValid(); it.next()) n++;
            it.status();
        } catch (RocksDBException e) {
            throw failure("scan", e);
        }
        return n;
    }

    @Override
    public Iterable<TimerEntry> all() {
        List<TimerEntry> all = new ArrayList<>();
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions())) {
            for (it.seekToFirst(); it.isValid(); it.next()) all.add(decode(it.key()));
            it.status();
        } catch (RocksDBException e) {
            throw failure("scan", e);
        }
        return all;
    }

    /** The column family was restored: every cached head is stale. */
    void reset() {
        for (GroupHead h : groups) {
            h.head.clear();
            h.loaded = false;
            h.complete = false;
            h.floor = null;
        }
    }

    private void write(byte[] k) {
        try {
            db.db().put(cf, db.writeOptions(), k, EMPTY);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    private void remove(byte[] k) {
        try {
            db.db().delete(cf, db.writeOptions(), k);
        } catch (RocksDBException e) {
            throw failure("delete", e);
        }
    }

    private IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("cannot " + what + " RocksDB timers '" + name + "': " + e.getMessage(), e);
    }
}
