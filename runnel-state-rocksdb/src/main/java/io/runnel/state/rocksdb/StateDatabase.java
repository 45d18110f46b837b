package io.runnel.state.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * One RocksDB instance with a column family per state name, and every native handle it needs,
 * closed together. The write-ahead log is off: state survives failures through checkpoints, not
 * through this directory, which is deleted on close.
 */
final class StateDatabase implements AutoCloseable {
    private static final String DEFAULT_FAMILY = "default";

    private final Path dir;
    /** Window state is read for slices and windows that mostly do not exist: misses must be cheap. */
    static final int BLOOM_BITS_PER_KEY = 10;
    static final long BLOCK_CACHE_BYTES = 64L << 20;
    static final double MEMTABLE_BLOOM_RATIO = 0.1;

    /**
     * Appends for lists and kept window elements: concatenation (empty delimiter: elements carry
     * their own length). RocksDB's StringAppendOperator is associative and merges operands one
     * pair at a time, copying the value so far for each, so reading a key with n appends cost
     * O(n^2) bytes (a q5 window list of 100 k rows took seconds per read); this operator
     * concatenates all operands into one buffer.
     */
    static final String LIST_APPEND = "id=StringAppendTESTOperator;delimiter=";

    private final BloomFilter bloom;
    private final LRUCache blockCache;
    private final BlockBasedTableConfig tableConfig;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions familyOptions;
    private final WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final RocksDB db;
    private final Map<String, ColumnFamilyHandle> families = new LinkedHashMap<>();

    private StateDatabase(Path dir, boolean readOnly) throws RocksDBException {
        NativeLibrary.ensureLoaded();
        this.dir = dir;
        this.dbOptions = new DBOptions().setCreateIfMissing(!readOnly).setCreateMissingColumnFamilies(!readOnly)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL).setKeepLogFileNum(2).setStatsDumpPeriodSec(0);
        // Bloom filters in the SST files and the memtable answer a get of a missing key (a window or
        // slice with no data for this key, a fired one) without searching the key's blocks.
        this.bloom = new BloomFilter(BLOOM_BITS_PER_KEY, false);
        this.blockCache = new LRUCache(BLOCK_CACHE_BYTES);
        this.tableConfig = new BlockBasedTableConfig().setFilterPolicy(bloom).setWholeKeyFiltering(true).setBlockCache(blockCache);
        this.familyOptions = new ColumnFamilyOptions().setMergeOperatorName(LIST_APPEND).setTableFormatConfig(tableConfig)
                .setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO).setMemtableWholeKeyFiltering(true);
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.readOptions = new ReadOptions();
        List<String> names;
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            names = readOnly ? existingFamilies(dir) : List.of(DEFAULT_FAMILY);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String n : names) descriptors.add(new ColumnFamilyDescriptor(bytes(n), familyOptions));
            this.db = readOnly ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, handles)
                    : RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            closeOptions();
            throw new RocksDBException("cannot open RocksDB state in " + dir + ": " + e.getMessage(), e.getStatus());
        }
        for (int i = 0; i < names.size(); i++) families.put(names.get(i), handles.get(i));
    }

    /** Opens (creating) the live database of a backend. */
    static StateDatabase open(Path dir) throws RocksDBException {
        return new StateDatabase(dir, false);
    }

    /** Opens a restored checkpoint copy read-only, with all of its column families. */
    static StateDatabase openReadOnly(Path dir) throws RocksDBException {
        return new StateDatabase(dir, true);
    }

    private static List<String> existingFamilies(Path dir) throws RocksDBException {
        try (Options options = new Options()) {
            List<String> names = new ArrayList<>();
            for (byte[] n : RocksDB.listColumnFamilies(options, dir.toString())) names.add(new String(n, StandardCharsets.UTF_8));
            if (names.isEmpty()) throw new RocksDBException("no RocksDB database (no column families) in " + dir);
            return names;
        }
    }

    RocksDB db() {
        return db;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    ReadOptions readOptions() {
        return readOptions;
    }

    /** The column family of state {@code name}, created on first use. */
    ColumnFamilyHandle family(String name) throws RocksDBException {
        ColumnFamilyHandle h = families.get(name);
        if (h == null) {
            h = db.createColumnFamily(new ColumnFamilyDescriptor(bytes(name), familyOptions));
            families.put(name, h);
        }
        return h;
    }

    /** Column families that hold state (all but RocksDB's default one), by state name. */
    Map<String, ColumnFamilyHandle> stateFamilies() {
        Map<String, ColumnFamilyHandle> m = new LinkedHashMap<>(families);
        m.remove(DEFAULT_FAMILY);
        return m;
    }

    /**
     * Flushes every memtable and hard-links the live files into {@code target} (which must not
     * exist): the cheap, synchronous part of a snapshot.
     */
    void checkpointInto(Path target) throws RocksDBException {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true); Checkpoint cp = Checkpoint.create(db)) {
            db.flush(flush, new ArrayList<>(families.values()));
            cp.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new RocksDBException("RocksDB checkpoint of " + dir + " into " + target + " failed: " + e.getMessage(), e.getStatus());
        }
    }

    @Override
    public void close() {
        for (ColumnFamilyHandle h : families.values()) h.close();
        families.clear();
        db.close();
        closeOptions();
    }

    private void closeOptions() {
        readOptions.close();
        writeOptions.close();
        familyOptions.close();
        dbOptions.close();
        bloom.close();
        blockCache.close();
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
