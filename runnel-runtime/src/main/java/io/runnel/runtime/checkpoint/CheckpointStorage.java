package io.runnel.runtime.checkpoint;

import io.runnel.runtime.state.StateCopier;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checkpoint directory: {@code chk-<id>/} per checkpoint (state files and {@code _metadata}),
 * {@code shared/} for files several checkpoints share. A checkpoint exists once its metadata does:
 * the metadata is written to a temporary file, forced to disk and renamed.
 */
public final class CheckpointStorage {
    public static final String METADATA = "_metadata";
    private final Path root;

    public CheckpointStorage(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path checkpointDir(long id) {
        return root.resolve("chk-" + id);
    }

    public Path sharedDir() {
        return root.resolve("shared");
    }

    /** Completed checkpoints in the directory, oldest first. */
    public List<Long> completed() throws IOException {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) return ids;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "chk-*")) {
            for (Path p : ds) {
                if (!Files.exists(p.resolve(METADATA))) continue;
                try {
                    ids.add(Long.parseLong(p.getFileName().toString().substring(4)));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /** Directories of checkpoints that never completed (no metadata): left by a crash or an abort. */
    public List<Path> incomplete() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "chk-*")) {
            for (Path p : ds) if (!Files.exists(p.resolve(METADATA))) out.add(p);
        }
        return out;
    }

    /** The newest completed checkpoint's directory, or null. */
    public Path latest() throws IOException {
        List<Long> ids = completed();
        return ids.isEmpty() ? null : checkpointDir(ids.get(ids.size() - 1));
    }

    public static void writeMetadata(Path dir, CheckpointMetadata meta) throws IOException {
        Path tmp = dir.resolve(METADATA + ".tmp");
        try (OutputStream fo = Files.newOutputStream(tmp); ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(fo))) {
            out.writeObject(meta);
        }
        force(tmp);
        Files.move(tmp, dir.resolve(METADATA), StandardCopyOption.ATOMIC_MOVE);
        forceDir(dir);
    }

    public static CheckpointMetadata readMetadata(Path dir) throws IOException {
        Path file = dir.resolve(METADATA);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ObjectInputStream oin = new StateCopier.LoaderObjectInputStream(in, null)) {
            return (CheckpointMetadata) oin.readObject();
        } catch (NoSuchFileException e) {
            throw new IOException("no checkpoint at " + dir + ": " + file + " does not exist", e);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("checkpoint metadata " + file + " is unreadable: " + e, e);
        }
    }

    /** Resolves "latest" (or null when there is none) or a checkpoint/savepoint directory. */
    public Path resolveRestore(String restoreFrom) throws IOException {
        if (restoreFrom == null) return null;
        if (restoreFrom.equals("latest")) return latest();
        Path p = Path.of(restoreFrom);
        if (Files.isRegularFile(p) && p.getFileName().toString().equals(METADATA)) p = p.getParent();
        if (!Files.exists(p.resolve(METADATA))) {
            throw new IOException("cannot restore from " + p + ": it holds no " + METADATA + " (not a completed checkpoint or savepoint)");
        }
        return p;
    }

    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static void forceDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename is still atomic
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
