package io.runnel.runtime.state;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a heap backend's incremental checkpoints: per checkpoint one shared file with, for each
 * (state, key group), either its changes since the previous checkpoint (a delta) or all its
 * entries (a base). A group writes a base when it has no chain yet, when its changes overflowed,
 * when the previous snapshot was not written into its chain (a failed or skipped write), when
 * the state filters expired TTL values on snapshots, or when its chain grew too long: more deltas
 * than allowed, or more delta entries than the group holds. A group that hardly changes also
 * rewrites a base that has become older than twice the allowed deltas, so that every file is
 * freed after a bounded number of checkpoints (its other groups have moved on to newer bases).
 * Remembers the chains between checkpoints; runs on the I/O thread only, one checkpoint after the other.
 */
final class HeapChainWriter {
    /** One group's chain: the ordinals of its files, base first. */
    static final class Chain {
        long[] files = new long[4];
        int count;
        long deltaEntries;
        long bytes;

        Chain(long base, long bytes) {
            files[count++] = base;
            this.bytes = bytes;
        }

        int deltas() {
            return count - 1;
        }

        void addDelta(long file, int entries, long length) {
            if (count == files.length) files = java.util.Arrays.copyOf(files, count * 2);
            files[count++] = file;
            deltaEntries += entries;
            bytes += length;
        }
    }

    /** A state's chains and the epoch of the snapshot they end at (-1: none). */
    private static final class TableChains {
        int epoch = -1;
        final Chain[] groups;

        TableChains(int groups) {
            this.groups = new Chain[groups];
        }
    }

    private final int maxDeltas;
    private final int firstKeyGroup;
    private final SegmentCodec codec = new SegmentCodec();
    /** A segment's put entries (a delta's or a base's), reused from group to group. */
    private Object[] putKeys = new Object[16];
    private Object[] putValues = new Object[16];
    private final Map<String, TableChains> tables = new HashMap<>();
    /** Ordinal -> name of every file a chain uses. */
    private final TreeMap<Long, String> fileNames = new TreeMap<>();
    private long nextOrdinal;
    /** Where resumed chains' files are (absolute); null when the chains were not resumed from a restore. */
    private Path resumedFrom;

    HeapChainWriter(int maxDeltas, int firstKeyGroup) {
        if (maxDeltas < 1) throw new IllegalArgumentException("max deltas must be at least 1, got " + maxDeltas);
        this.maxDeltas = maxDeltas;
        this.firstKeyGroup = firstKeyGroup;
    }

    /**
     * How many deltas group {@code kg} may chain: between about half and all of the maximum, so
     * groups rewrite their bases at different checkpoints instead of all at once.
     */
    int limit(int kg) {
        return maxDeltas - kg % ((maxDeltas + 1) / 2);
    }

    /**
     * Continues the chains of a restored checkpoint: {@code files} (in {@code sharedDir}) become
     * ordinals 0.., {@code chains} per state and group, each state's chains ending at {@code epochs}.
     * They are kept only if the next checkpoint goes to the same shared directory.
     */
    void resume(Path sharedDir, List<String> files, Map<String, Chain[]> chains, Map<String, Integer> epochs) {
        tables.clear();
        fileNames.clear();
        for (int i = 0; i < files.size(); i++) fileNames.put((long) i, files.get(i));
        nextOrdinal = files.size();
        for (Map.Entry<String, Chain[]> e : chains.entrySet()) {
            TableChains tc = new TableChains(e.getValue().length);
            System.arraycopy(e.getValue(), 0, tc.groups, 0, tc.groups.length);
            tc.epoch = epochs.get(e.getKey());
            tables.put(e.getKey(), tc);
        }
        resumedFrom = sharedDir.toAbsolutePath().normalize();
    }

    /** Writes {@code snapshots} (state name -> snapshot) into a new shared file under {@code target}. */
    HeapChainHandle write(SnapshotTarget target, Map<String, TableSnapshot> snapshots) throws IOException {
        if (resumedFrom != null && !resumedFrom.equals(target.sharedDir().toAbsolutePath().normalize())) {
            tables.clear(); // restored from another directory: its files are not ours to share
            fileNames.clear();
        }
        resumedFrom = null;
        Path file = target.sharedDir().resolve(safe(target.filePrefix()) + "-" + target.checkpointId() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".heap");
        try {
            return writeFile(target, file, snapshots);
        } catch (IOException | RuntimeException | Error e) {
            tables.clear(); // chains may be half advanced: start them all anew with bases
            fileNames.clear();
            Files.deleteIfExists(file);
            throw e;
        } finally {
            for (TableSnapshot s : snapshots.values()) s.frozen().markWritten();
        }
    }

    private HeapChainHandle writeFile(SnapshotTarget target, Path file, Map<String, TableSnapshot> snapshots) throws IOException {
        Files.createDirectories(target.sharedDir());
        long ordinal = nextOrdinal++;
        List<DeltaFileDescriptor.Segment> segments = new ArrayList<>();
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16))) {
            long offset = 0;
            for (Map.Entry<String, TableSnapshot> e : snapshots.entrySet()) offset = writeTable(out, offset, ordinal, e.getKey(), e.getValue(), segments);
            DeltaFileDescriptor.writeIndex(out, segments, offset);
            out.flush();
            ch.force(true);
            size = ch.size();
        }
        fileNames.put(ordinal, file.getFileName().toString());
        return handle(target, size);
    }

    private long writeTable(DataOutputStream out, long offset, long ordinal, String name, TableSnapshot s,
                            List<DeltaFileDescriptor.Segment> segments) throws IOException {
        KeyGroupedSnapshot frozen = s.frozen();
        TableChains tc = tables.computeIfAbsent(name, n -> new TableChains(frozen.groupCount()));
        boolean continues = tc.epoch >= 0 && tc.epoch == s.changedAfter() && !frozen.filtered();
        for (int i = 0; i < frozen.groupCount(); i++) {
            CowGroup.Frozen g = frozen.frozen(i);
            if (g == null || g.isEmpty()) {
                tc.groups[i] = null; // nothing to restore
                frozen.markGroupWritten(i);
                continue;
            }
            int kg = frozen.firstKeyGroup() + i;
            Chain c = tc.groups[i];
            GroupChanges changes = s.changes()[i];
            boolean delta = continues && c != null && changes != null && !changes.overflow()
                    && c.deltas() < limit(kg) && c.deltaEntries + changes.count() < g.size()
                    && ordinal - c.files[0] < 2L * maxDeltas;
            if (delta && changes.count() == 0) {
                frozen.markGroupWritten(i);
                continue;
            }
            SnapshotBytesOut bytes = delta ? encodeDelta(changes, s.epoch()) : encodeBase(frozen.group(i));
            frozen.markGroupWritten(i); // encoded: the task may change the group in place while the bytes are written
            out.write(bytes.array(), 0, bytes.size());
            int entries = delta ? changes.count() : g.size();
            segments.add(new DeltaFileDescriptor.Segment(name, kg, delta ? DeltaFileDescriptor.DELTA : DeltaFileDescriptor.BASE,
                    offset, bytes.size(), entries));
            if (delta) c.addDelta(ordinal, entries, bytes.size());
            else tc.groups[i] = new Chain(ordinal, bytes.size());
            offset += bytes.size();
        }
        tc.epoch = s.epoch();
        return offset;
    }

    /**
     * The removed keys and the changed entries with their values at the snapshot, read from the
     * nodes that held them then (entries removed by then are not written; one copied may be twice). A key removed and put again
     * is in both: a restore applies a segment's removals before its puts.
     */
    private SnapshotBytesOut encodeDelta(GroupChanges changes, int epoch) throws IOException {
        List<Object> removed = new ArrayList<>(changes.removedCount());
        Object[] r = changes.removed();
        for (int j = 0; j < 2 * changes.removedCount(); j += 2) removed.add(keyOf(r[j], r[j + 1]));
        CowGroup.Node[] c = changes.changed();
        int n = changes.changedCount();
        ensurePuts(n);
        int puts = 0;
        for (int j = 0; j < n; j++) {
            CowGroup.Node node = c[j].asOf(epoch);
            if (node == null) continue;
            putKeys[puts] = keyOf(node.key, node.namespace);
            putValues[puts++] = node.value;
        }
        return encodePuts(removed, puts);
    }

    /** All entries of a group, as they are to be written (a TTL filter may have dropped some). */
    private SnapshotBytesOut encodeBase(Map<Object, ?> entries) throws IOException {
        ensurePuts(entries.size());
        int puts = 0;
        for (Map.Entry<Object, ?> e : entries.entrySet()) {
            putKeys[puts] = e.getKey();
            putValues[puts++] = e.getValue();
        }
        return encodePuts(List.of(), puts);
    }

    private void ensurePuts(int n) {
        if (putKeys.length < n) {
            putKeys = new Object[Math.max(n, putKeys.length * 2)];
            putValues = new Object[putKeys.length];
        }
    }

    private SnapshotBytesOut encodePuts(List<Object> removed, int puts) throws IOException {
        try {
            return codec.encode(removed, putKeys, putValues, puts);
        } finally {
            java.util.Arrays.fill(putKeys, 0, puts, null); // hold no state past the write
            java.util.Arrays.fill(putValues, 0, puts, null);
        }
    }

    private static Object keyOf(Object key, Object namespace) {
        return namespace == VoidNamespace.INSTANCE ? key : new NamespacedKey(key, namespace);
    }

    /** The handle of the chains as they are now; forgets files no chain uses any more. */
    private HeapChainHandle handle(SnapshotTarget target, long written) {
        java.util.TreeSet<Long> used = new java.util.TreeSet<>();
        long full = 0;
        for (TableChains tc : tables.values()) {
            for (Chain c : tc.groups) {
                if (c == null) continue;
                full += c.bytes;
                for (int j = 0; j < c.count; j++) used.add(c.files[j]);
            }
        }
        fileNames.keySet().retainAll(used);
        List<String> files = new ArrayList<>();
        Map<Long, Integer> index = new HashMap<>();
        for (long o : used) {
            index.put(o, files.size());
            files.add(fileNames.get(o));
        }
        LinkedHashMap<String, int[]> bases = new LinkedHashMap<>();
        for (Map.Entry<String, TableChains> e : tables.entrySet()) {
            Chain[] groups = e.getValue().groups;
            int[] b = new int[groups.length];
            for (int i = 0; i < groups.length; i++) b[i] = groups[i] == null ? -1 : index.get(groups[i].files[0]);
            bases.put(e.getKey(), b);
        }
        String shared = target.dir().toAbsolutePath().normalize().relativize(target.sharedDir().toAbsolutePath().normalize())
                .toString().replace('\\', '/');
        return new HeapChainHandle(shared, files, firstKeyGroup, bases, full, written);
    }

    private static String safe(String prefix) {
        return prefix == null || prefix.isEmpty() ? "heap" : prefix.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
