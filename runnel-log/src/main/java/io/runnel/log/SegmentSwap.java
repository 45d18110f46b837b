package io.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a cleaned segment in place of the segments it was made from, so that a crash at any point
 * leaves either the old segments or the cleaned one, never both and never neither (Kafka's scheme):
 * <ol>
 *   <li>the cleaner writes {@code <base>.log.cleaned} and fsyncs it (a crash here: the file is deleted on start);</li>
 *   <li>under the partition's lock it renames it to {@code <base>.log.swap} (from here on, start-up
 *       completes the swap);</li>
 *   <li>deletes the other replaced segments' files and the first one's indexes;</li>
 *   <li>renames the swap file over {@code <base>.log} (atomic) and opens it, rebuilding its indexes.</li>
 * </ol>
 * On start ({@link #recoverDirectory}), a {@code .swap} file replaces every segment whose base offset
 * lies in [its base, its last offset]; segments of the group above its last offset hold no records
 * it holds, so keeping them loses nothing and duplicates nothing.
 */
final class SegmentSwap {
    static final String CLEANED_SUFFIX = ".log.cleaned";
    static final String SWAP_SUFFIX = ".log.swap";
    private static final Logger LOG = LoggerFactory.getLogger(SegmentSwap.class);

    /** Test hook: called after each step with its name, to inject a crash between steps. */
    interface StepHook {
        StepHook NONE = step -> { };

        void after(String step);
    }

    private SegmentSwap() {
    }

    static Path cleaned(Path dir, long base) {
        return dir.resolve(SegmentFiles.baseName(base) + CLEANED_SUFFIX);
    }

    static Path swap(Path dir, long base) {
        return dir.resolve(SegmentFiles.baseName(base) + SWAP_SUFFIX);
    }

    /**
     * Replaces {@code group} in {@code log} by the cleaned file, or deletes the file and returns
     * false if a segment of the group is gone meanwhile (retention, DeleteRecords).
     */
    static boolean swapIn(PartitionLog log, List<LogSegment> group, Path cleanedFile, long nowMs, StepHook hook)
            throws IOException {
        Path dir = log.dir();
        long base = group.get(0).baseOffset();
        synchronized (log) {
            if (!log.holdsAll(group)) {
                Files.deleteIfExists(cleanedFile);
                return false;
            }
            Path swap = swap(dir, base);
            Files.move(cleanedFile, swap, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.fsyncDirectory(dir);
            hook.after("renamed-to-swap");
            for (LogSegment s : group.subList(1, group.size())) {
                deleteFiles(dir, s.baseOffset()); // readers keep their open channels
            }
            Files.deleteIfExists(SegmentFiles.index(dir, base));
            Files.deleteIfExists(SegmentFiles.timeIndex(dir, base));
            hook.after("deleted-replaced");
            Files.move(swap, SegmentFiles.log(dir, base), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.fsyncDirectory(dir);
            hook.after("swapped");
            LogSegment fresh = LogSegment.open(dir, base, log.config(), nowMs, true);
            log.replaceSegments(group, fresh);
        }
        return true;
    }

    private static void deleteFiles(Path dir, long base) throws IOException {
        Files.deleteIfExists(SegmentFiles.log(dir, base));
        Files.deleteIfExists(SegmentFiles.index(dir, base));
        Files.deleteIfExists(SegmentFiles.timeIndex(dir, base));
    }

    /** Deletes half-written {@code .cleaned} files and completes every {@code .swap}; called before segments load. */
    static void recoverDirectory(Path dir) throws IOException {
        List<Path> swaps = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(CLEANED_SUFFIX)) {
                    LOG.warn("Deleting {}: a cleaning interrupted before its swap", f);
                    Files.delete(f);
                } else if (name.endsWith(SWAP_SUFFIX)) {
                    swaps.add(f);
                }
            }
        }
        for (Path swap : swaps) {
            completeSwap(dir, swap);
        }
    }

    private static void completeSwap(Path dir, Path swap) throws IOException {
        String name = swap.getFileName().toString();
        long base = Long.parseLong(name.substring(0, name.length() - SWAP_SUFFIX.length()));
        long last = lastOffset(swap, base);
        List<Long> replaced = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                long b = SegmentFiles.parseBaseOffset(f.getFileName().toString());
                if (b > base && b <= last) {
                    replaced.add(b);
                }
            });
        }
        for (long b : replaced) {
            deleteFiles(dir, b);
        }
        Files.deleteIfExists(SegmentFiles.index(dir, base));
        Files.deleteIfExists(SegmentFiles.timeIndex(dir, base));
        Files.move(swap, SegmentFiles.log(dir, base), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.fsyncDirectory(dir);
        LOG.warn("Completed the swap of cleaned segment {} interrupted by a crash (replaced segments {})", swap,
                replaced);
    }

    /** The last offset of the last batch in a (fsynced, so whole) swap file, or {@code base - 1} if it is empty. */
    private static long lastOffset(Path file, long base) throws IOException {
        long last = base - 1;
        ByteBuffer header = ByteBuffer.allocate(BatchDescriptor.HEADER_SIZE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            while (pos + BatchDescriptor.HEADER_SIZE <= size) {
                header.clear();
                while (header.hasRemaining() && ch.read(header, pos + header.position()) >= 0) {
                    // fill the header
                }
                last = BatchDescriptor.lastOffset(header, 0);
                pos += BatchDescriptor.totalSize(header, 0);
            }
        }
        return last;
    }
}
