package io.runnel.connectors.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One open, hidden part file that lines are appended to until the next checkpoint barrier. */
final class InProgressPart {
    private static final int BUFFER_CHARS = 64 * 1024;
    private final Path path;
    private final FileChannel channel;
    private final BufferedWriter out;

    /** CREATE_NEW: a name collision fails instead of truncating someone else's part. */
    InProgressPart(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), BUFFER_CHARS);
    }

    Path path() {
        return path;
    }

    void writeLine(String line) throws IOException {
        out.write(line);
        out.write('\n');
    }

    /** Hands buffered lines to the OS (not durable). */
    void flush() throws IOException {
        out.flush();
    }

    /** Flushes, fsyncs and closes: the content is durable, though its name is not yet. */
    void closeDurably() throws IOException {
        out.flush();
        channel.force(true);
        out.close();
    }

    /** Closes and deletes: its records were never prepared, so the sources replay them. */
    void discard() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
