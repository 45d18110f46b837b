package io.runnel.runtime.state;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Restores a {@link HeapChainHandle}: for each state and each key group the instance owns, the
 * group's base, then each later delta in order (removals, then puts). Groups the instance does
 * not own are not read, so a restore at another parallelism reads only its share of the files.
 */
final class HeapChainRestore implements AutoCloseable {
    private final Path sharedDir;
    private final HeapChainHandle handle;
    private final RandomAccessFile[] open;
    private final Map<Integer, Map<String, Map<Integer, DeltaFileDescriptor.Segment>>> indexes = new HashMap<>();
    /** The chains read, per state and group (relative to the handle's first key group), for a writer to continue. */
    private final Map<String, HeapChainWriter.Chain[]> chains = new HashMap<>();

    HeapChainRestore(Path baseDir, HeapChainHandle handle) {
        this.sharedDir = baseDir.toAbsolutePath().resolve(handle.sharedDir()).normalize(); // lexically: the checkpoint dir may not exist
        this.handle = handle;
        this.open = new RandomAccessFile[handle.files().size()];
    }

    /** Adds the chains' entries to the tables ({@code tables} creates one by name). */
    void restoreInto(Function<String, StateTable> tables) throws IOException {
        for (Map.Entry<String, int[]> e : handle.bases().entrySet()) {
            StateTable t = tables.apply(e.getKey());
            int[] bases = e.getValue();
            HeapChainWriter.Chain[] read = chains.computeIfAbsent(e.getKey(), n -> new HeapChainWriter.Chain[bases.length]);
            for (int i = 0; i < bases.length; i++) {
                int kg = handle.firstKeyGroup() + i;
                if (bases[i] >= 0 && t.owns(kg)) read[i] = restoreGroup(t, e.getKey(), kg, bases[i]);
            }
        }
    }

    /** The chains read by {@link #restoreInto}, per state: null for groups not owned or empty. */
    Map<String, HeapChainWriter.Chain[]> chains() {
        return chains;
    }

    private HeapChainWriter.Chain restoreGroup(StateTable t, String table, int kg, int base) throws IOException {
        DeltaFileDescriptor.Segment b = segment(base, table, kg);
        if (b == null || !b.base()) throw new IOException("corrupt snapshot: no base of state '" + table + "' key group " + kg + " in " + path(base));
        apply(t, base, b);
        HeapChainWriter.Chain chain = new HeapChainWriter.Chain(base, b.length());
        for (int f = base + 1; f < open.length; f++) {
            DeltaFileDescriptor.Segment d = segment(f, table, kg);
            if (d == null) continue;
            if (d.base()) throw new IOException("corrupt snapshot: a second base of state '" + table + "' key group " + kg + " in " + path(f));
            apply(t, f, d);
            chain.addDelta(f, d.entries(), d.length());
        }
        return chain;
    }

    Path sharedDir() {
        return sharedDir;
    }

    private void apply(StateTable t, int f, DeltaFileDescriptor.Segment s) throws IOException {
        SegmentCodec.Decoded d = SegmentCodec.decode(DeltaFileDescriptor.readSegment(file(f), s), path(f).toString());
        t.restoreRemovals(s.keyGroup(), d.removed());
        t.restoreEntries(s.keyGroup(), d.puts());
    }

    private DeltaFileDescriptor.Segment segment(int f, String table, int kg) throws IOException {
        Map<String, Map<Integer, DeltaFileDescriptor.Segment>> index = indexes.get(f);
        if (index == null) {
            index = DeltaFileDescriptor.readIndex(file(f), path(f));
            indexes.put(f, index);
        }
        Map<Integer, DeltaFileDescriptor.Segment> ofTable = index.get(table);
        return ofTable == null ? null : ofTable.get(kg);
    }

    private Path path(int f) {
        return sharedDir.resolve(handle.files().get(f));
    }

    private RandomAccessFile file(int f) throws IOException {
        if (open[f] == null) {
            Path p = path(f);
            try {
                open[f] = new RandomAccessFile(p.toFile(), "r");
            } catch (java.io.FileNotFoundException e) {
                throw new IOException("shared state file " + p + " of the checkpoint is missing", e);
            }
        }
        return open[f];
    }

    @Override
    public void close() throws IOException {
        for (RandomAccessFile f : open) if (f != null) f.close();
    }
}
