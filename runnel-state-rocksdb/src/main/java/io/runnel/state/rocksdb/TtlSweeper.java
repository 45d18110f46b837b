package io.runnel.state.rocksdb;

import io.runnel.state.rocksdb.serial.ByteIn;
import io.runnel.state.rocksdb.serial.ByteOut;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Removes expired values of one TTL state without their being read: a bounded scan that goes on
 * from where the last one stopped, so the whole column family is walked over many calls. Flink
 * does this in a RocksDB compaction filter; rocksdbjni runs only native compaction filters, so
 * the scan is ours. Runs on the task's thread (as every state access), so its deletes cannot race
 * a write of the same key.
 *
 * <p>Accesses are counted and the scan runs every {@link #ACCESSES_PER_SCAN} of them, checking
 * that many times the configured cleanup size: the same entries per access as on the heap, with
 * one iterator per batch instead of per access.
 */
final class TtlSweeper {
    /** What one stored value holds, which decides how its stamps are found. */
    enum Layout {
        /** | stamp | value | (value, reducing and aggregating state, one map entry). */
        STAMPED_VALUE,
        /** Elements each | stamp | length | element | (list state). */
        STAMPED_ELEMENTS
    }

    static final int ACCESSES_PER_SCAN = 32;
    private static final int STAMP = StateBytesDescriptor.STAMP_BYTES;
    private static final int LENGTH = StateBytesDescriptor.ELEMENT_LENGTH_BYTES;
    /** A full sweep writes its deletes in batches of this many, so a large state does not build one huge batch. */
    private static final int BATCH = 10_000;

    private final String name;
    private final StateDatabase db;
    private final ColumnFamilyHandle cf;
    private final TtlPolicy ttl;
    private final Layout layout;
    private final LongSupplier clock;
    private final ByteOut rewritten = new ByteOut(256);
    /** The key the next scan starts at; null: the first key. */
    private byte[] cursor;
    private int accesses;

    TtlSweeper(String name, StateDatabase db, ColumnFamilyHandle cf, TtlPolicy ttl, Layout layout, LongSupplier clock) {
        this.name = name;
        this.db = db;
        this.cf = cf;
        this.ttl = ttl;
        this.layout = layout;
        this.clock = clock;
    }

    /** Counts one access of the state (or record); scans every {@link #ACCESSES_PER_SCAN}. */
    void onAccess() {
        if (++accesses < ACCESSES_PER_SCAN) return;
        accesses = 0;
        scan(ttl.cleanupSize() * ACCESSES_PER_SCAN);
    }

    /** Checks up to {@code entries} stored values from the cursor on, removing what expired. */
    void scan(int entries) {
        long now = clock.getAsLong();
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions()); WriteBatch batch = new WriteBatch()) {
            if (cursor == null) it.seekToFirst();
            else it.seek(cursor);
            for (int checked = 0; it.isValid() && checked < entries; it.next(), checked++) check(it.key(), it.value(), now, batch);
            if (it.isValid()) {
                cursor = it.key();
            } else {
                it.status();
                cursor = null; // wrap around
            }
            if (batch.count() > 0) db.db().write(db.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("TTL cleanup of RocksDB state '" + name + "' failed: " + e.getMessage(), e);
        }
    }

    /** Removes every expired value of the state (a full scan): before a snapshot that must not hold them. */
    void sweepAll() {
        long now = clock.getAsLong();
        try (RocksIterator it = db.db().newIterator(cf, db.readOptions()); WriteBatch batch = new WriteBatch()) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                check(it.key(), it.value(), now, batch);
                if (batch.count() >= BATCH) {
                    db.db().write(db.writeOptions(), batch);
                    batch.clear();
                }
            }
            it.status();
            if (batch.count() > 0) db.db().write(db.writeOptions(), batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("TTL cleanup of RocksDB state '" + name + "' before a snapshot failed: " + e.getMessage(), e);
        }
    }

    private void check(byte[] key, byte[] value, long now, WriteBatch batch) throws RocksDBException {
        if (layout == Layout.STAMPED_VALUE) {
            if (value.length >= STAMP && ttl.expired(StateBytesDescriptor.stampAt(value, 0), now)) batch.delete(cf, key);
            return;
        }
        int live = liveElements(value, now, null);
        if (live == value.length) return;
        if (live == 0) {
            batch.delete(cf, key);
        } else {
            rewritten.reset();
            liveElements(value, now, rewritten);
            batch.put(cf, key, rewritten.toByteArray());
        }
    }

    /** The bytes of {@code list}'s live elements (copied into {@code out} if given). */
    private int liveElements(byte[] list, long now, ByteOut out) {
        int live = 0;
        for (int at = 0; at < list.length; ) {
            int end = at + STAMP + LENGTH + ByteIn.getInt(list, at + STAMP);
            if (!ttl.expired(StateBytesDescriptor.stampAt(list, at), now)) {
                live += end - at;
                if (out != null) out.writeBytes(list, at, end - at);
            }
            at = end;
        }
        return live;
    }
}
