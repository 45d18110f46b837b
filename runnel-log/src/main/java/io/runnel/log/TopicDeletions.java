package io.runnel.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Makes topic deletion durable. Before any partition directory is touched, a tombstone named by
 * the topic id is written (fsynced) to {@code <dataDir>/.deleting-topics/<topic-id>}; then each
 * partition directory is renamed to a {@code -delete} directory and removed; the tombstone goes
 * last. A crash anywhere in between leaves the tombstone, and the next start removes whatever is
 * left of that topic id, so a deleted topic never comes back (not even with some partitions).
 *
 * <p>The {@code -delete} name is {@code <partition-dir>.<topic-id without dashes>-delete}, with the
 * partition directory's name cut so the whole stays within the 255-byte file name limit (a 249-
 * character topic name would otherwise overflow it), as Kafka does.
 */
final class TopicDeletions {
    static final String DIR = ".deleting-topics";
    static final String DELETE_SUFFIX = "-delete";
    private static final int MAX_FILE_NAME_BYTES = 255;

    private final Path dataDir;

    TopicDeletions(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Durably records that the topic with {@code id} is being deleted. */
    void begin(UUID id, String name) throws IOException {
        Path dir = dataDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            AtomicFiles.fsyncDirectory(dataDir);
        }
        AtomicFiles.write(dir.resolve(id.toString()), name.getBytes(StandardCharsets.UTF_8));
    }

    /** Forgets the tombstone once every directory of the topic is gone. */
    void finish(UUID id) throws IOException {
        Path dir = dataDir.resolve(DIR);
        Files.deleteIfExists(dir.resolve(id.toString()));
        try (Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
        AtomicFiles.fsyncDirectory(dataDir);
    }

    /** Topic ids whose deletion was started and not finished. */
    Set<UUID> pending() throws IOException {
        Path dir = dataDir.resolve(DIR);
        Set<UUID> ids = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                try {
                    ids.add(UUID.fromString(f.getFileName().toString()));
                } catch (IllegalArgumentException e) {
                    Files.deleteIfExists(f); // a temp file of an interrupted tombstone write
                }
            }
        }
        return ids;
    }

    /** Renames a partition directory out of the way (atomic), then removes it. */
    static void removePartitionDir(Path partitionDir, UUID topicId) throws IOException {
        if (!Files.exists(partitionDir)) {
            return;
        }
        Path doomed = partitionDir.resolveSibling(deleteDirName(partitionDir.getFileName().toString(), topicId));
        Files.move(partitionDir, doomed);
        AtomicFiles.fsyncDirectory(partitionDir.getParent());
        deleteRecursively(doomed);
    }

    /** {@code <dir>.<id>-delete}, the directory name cut to keep within 255 bytes (names are ASCII). */
    static String deleteDirName(String partitionDirName, UUID topicId) {
        String suffix = "." + topicId.toString().replace("-", "") + DELETE_SUFFIX;
        int keep = Math.min(partitionDirName.length(), MAX_FILE_NAME_BYTES - suffix.length());
        return partitionDirName.substring(0, keep) + suffix;
    }

    static void deleteRecursively(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
