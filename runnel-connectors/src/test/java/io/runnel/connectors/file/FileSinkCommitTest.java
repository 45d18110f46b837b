package io.runnel.connectors.file;

import static io.runnel.connectors.file.PartFolder.hidden;
import static io.runnel.connectors.file.PartFolder.output;
import static io.runnel.connectors.file.PartFolder.subtask;
import static io.runnel.connectors.file.PartFolder.visible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.connector.CommittingSinkWriter;
import io.runnel.api.connector.Committer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writer and committer driven as the runtime drives them, including crashes (a writer dropped
 * without close) and re-commits after a restore: every record becomes visible exactly once.
 */
class FileSinkCommitTest {
    @TempDir
    Path dir;

    static List<String> records(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
    }

    static void writeAll(CommittingSinkWriter<String, PendingPart> writer, List<String> records) throws Exception {
        for (String r : records) writer.write(r, Long.MIN_VALUE);
    }

    /** As the runtime stores committables: Java-serialized into the checkpoint's metadata, read back elsewhere. */
    @SuppressWarnings("unchecked")
    static List<PendingPart> throughCheckpointMetadata(Collection<PendingPart> parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(parts));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (List<PendingPart>) in.readObject();
        }
    }

    @Test
    void aCrashAfterTheBarrierLosesNothingAndDuplicatesNothing() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        List<PendingPart> checkpoint1 = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(s));
            writeAll(writer, records(s * 100, s * 100 + 10));
            checkpoint1.addAll(writer.prepareCommit(1));
            writeAll(writer, records(s * 100 + 10, s * 100 + 15)); // after the barrier: not covered by checkpoint 1
            // kill -9: the writer is dropped, never closed, never prepared again
        }
        assertThat(visible(dir)).isEmpty(); // checkpoint 1 has not completed yet

        // Another process restores checkpoint 1: it commits its committables again.
        try (Committer<PendingPart> committer = sink.createCommitter()) {
            committer.commit(throughCheckpointMetadata(checkpoint1));
        }
        List<String> expected = new ArrayList<>(records(0, 10));
        expected.addAll(records(100, 110));
        assertThat(output(dir)).containsExactlyInAnyOrderElementsOf(expected);

        // The new attempt's writers start fresh; the sources replay everything after checkpoint 1.
        List<PendingPart> checkpoint2 = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(s));
            writeAll(writer, records(s * 100 + 10, s * 100 + 20));
            checkpoint2.addAll(writer.prepareCommit(2));
            writer.close();
        }
        sink.createCommitter().commit(checkpoint2);
        expected = new ArrayList<>(records(0, 20));
        expected.addAll(records(100, 120));
        assertThat(output(dir)).containsExactlyInAnyOrderElementsOf(expected);
        // Only the crashed attempt's unprepared parts remain, and they stay hidden.
        assertThat(hidden(dir)).hasSize(2).allMatch(n -> n.endsWith(".inprogress"));
    }

    @Test
    void committingTwiceIsIdempotent() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(0));
        writeAll(writer, records(0, 3));
        Collection<PendingPart> first = writer.prepareCommit(1);
        writeAll(writer, records(3, 5));
        Collection<PendingPart> second = writer.prepareCommit(2);
        writer.close();

        sink.createCommitter().commit(first);
        sink.createCommitter().commit(first); // after a restore from checkpoint 1
        List<PendingPart> both = new ArrayList<>(first);
        both.addAll(second);
        sink.createCommitter().commit(both); // a restore from checkpoint 2, where 1 was already committed
        sink.createCommitter().commit(both);
        assertThat(output(dir)).containsExactlyElementsOf(records(0, 5));
        assertThat(visible(dir)).hasSize(2);
        assertThat(hidden(dir)).isEmpty();
    }

    @Test
    void anAbortedCheckpointsPartsAreCommittedWithTheNextOne() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(0));
        writeAll(writer, records(0, 4));
        List<PendingPart> pending = new ArrayList<>(writer.prepareCommit(1)); // checkpoint 1 never completes
        writeAll(writer, records(4, 6));
        pending.addAll(writer.prepareCommit(2));
        writer.close();
        assertThat(visible(dir)).isEmpty();
        sink.createCommitter().commit(pending);
        assertThat(output(dir)).containsExactlyElementsOf(records(0, 6));
    }

    @Test
    void abortDeletesPendingPartsAndNothingElse() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(0));
        writeAll(writer, records(0, 2));
        Collection<PendingPart> committed = writer.prepareCommit(1);
        sink.createCommitter().commit(committed);
        writeAll(writer, records(2, 4));
        Collection<PendingPart> aborted = writer.prepareCommit(2);
        writer.close();

        try (Committer<PendingPart> committer = sink.createCommitter()) {
            committer.abort(aborted);
            committer.abort(aborted); // a second abort finds nothing to do
            committer.abort(committed); // a committed part is never taken back
        }
        assertThat(hidden(dir)).isEmpty();
        assertThat(output(dir)).containsExactlyElementsOf(records(0, 2));
    }

    @Test
    void committingAPartWhoseFilesAreGoneNamesIt() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(0));
        writeAll(writer, records(0, 1));
        Collection<PendingPart> parts = writer.prepareCommit(1);
        writer.close();
        PendingPart part = parts.iterator().next();
        Files.delete(part.pending());
        assertThatThrownBy(() -> sink.createCommitter().commit(parts))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(part.committedPath())
                .hasMessageContaining(part.pending().getFileName().toString());
    }

    @Test
    void aCommitNeverOverwritesAnotherFile() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(0));
        writeAll(writer, records(0, 1));
        PendingPart part = writer.prepareCommit(1).iterator().next();
        writer.close();
        Files.writeString(part.committed(), "someone else's\n");
        assertThatThrownBy(() -> sink.createCommitter().commit(List.of(part)))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining(part.committedPath());
        assertThat(Files.readString(part.committed())).isEqualTo("someone else's\n");
        assertThat(part.pending()).exists();
    }
}
