package io.runnel.broker;

import io.runnel.log.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands out producer ids that are never reused, even across restarts: ids are reserved in blocks,
 * and the end of the current block is written atomically to {@code producer-id.block} before any
 * id of it is given out.
 */
public final class ProducerIdManager {
    private static final long BLOCK = 1000;
    private final Path file;
    private long next;
    private long blockEnd;

    public ProducerIdManager(Path dataDir) {
        this.file = dataDir.resolve("producer-id.block");
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                try {
                    next = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(file + ": expected a number, found '" + text + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        blockEnd = next;
    }

    public synchronized long nextId() {
        if (next >= blockEnd) {
            long end = next + BLOCK;
            try {
                AtomicFiles.write(file, Long.toString(end).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("writing " + file, e);
            }
            blockEnd = end;
        }
        return next++;
    }
}
