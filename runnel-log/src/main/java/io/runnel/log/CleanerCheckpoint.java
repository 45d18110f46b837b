package io.runnel.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far each partition has been cleaned (its first dirty offset), in {@code cleaner-offset-checkpoint}
 * of the data directory, in Kafka's checkpoint format: a version line {@code 0}, a count line, then
 * {@code <topic> <partition> <offset>} per line. Rewritten atomically after every cleaning round.
 */
final class CleanerCheckpoint {
    static final String FILE_NAME = "cleaner-offset-checkpoint";
    private static final Logger LOG = LoggerFactory.getLogger(CleanerCheckpoint.class);

    private final Path file;
    private final Map<String, Long> offsets = new TreeMap<>();

    CleanerCheckpoint(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            try {
                read(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        }
    }

    private void read(List<String> lines) {
        if (lines.size() < 2 || !lines.get(0).trim().equals("0")) {
            LOG.warn("Ignoring {}: not a version 0 checkpoint; partitions will be cleaned from their start", file);
            return;
        }
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.trim().split(" ");
            try {
                offsets.put(f[0] + "-" + Integer.parseInt(f[1]), Long.parseLong(f[2]));
            } catch (RuntimeException e) {
                LOG.warn("Ignoring line '{}' of {}: expected <topic> <partition> <offset>", line, file);
            }
        }
    }

    /** The partition's first dirty offset, or -1 if it was never cleaned. */
    synchronized long firstDirtyOffset(PartitionLog log) {
        return offsets.getOrDefault(log.toString(), -1L);
    }

    /** Records a cleaned partition's new first dirty offset, durably. */
    synchronized void update(PartitionLog log, long firstDirty) {
        offsets.put(log.toString(), firstDirty);
        write();
    }

    /** Forgets every partition of a deleted topic, durably, so a topic re-created with its name starts clean. */
    synchronized void forgetTopic(String topic) {
        if (offsets.keySet().removeIf(name -> name.substring(0, name.lastIndexOf('-')).equals(topic))) {
            write();
        }
    }

    /** Forgets partitions that no longer exist (deleted topics), durably if anything changed. */
    synchronized void retainOnly(java.util.Set<String> partitionNames) {
        if (offsets.keySet().retainAll(partitionNames)) {
            write();
        }
    }

    private void write() {
        StringBuilder b = new StringBuilder("0\n").append(offsets.size()).append('\n');
        offsets.forEach((name, offset) -> {
            int dash = name.lastIndexOf('-');
            b.append(name, 0, dash).append(' ').append(name.substring(dash + 1)).append(' ').append(offset)
                    .append('\n');
        });
        try {
            AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
