package io.runnel.connectors.file;

import static io.runnel.connectors.file.PartFolder.hidden;
import static io.runnel.connectors.file.PartFolder.names;
import static io.runnel.connectors.file.PartFolder.subtask;
import static io.runnel.connectors.file.PartFolder.visible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.connector.CommittingSinkWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's side: the states and names of part files, up to the committables it returns. */
class FileSinkWriterTest {
    static final String ID = "[0-9a-f]{12}";

    @TempDir
    Path dir;

    @Test
    void aPartIsHiddenWhileWrittenAndPendingAndVisibleOnlyOnceCommitted() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(3));
        assertThat(names(dir)).isEmpty(); // nothing until the first record
        writer.write("a", Long.MIN_VALUE);
        writer.write("b", Long.MIN_VALUE);
        writer.flush(false);
        assertThat(names(dir)).singleElement().asString().matches("\\.part-3-" + ID + "-0\\.inprogress");
        assertThat(FileSource.files(dir)).isEmpty(); // a FileSource over the folder sees nothing

        Collection<PendingPart> prepared = writer.prepareCommit(7);
        assertThat(names(dir)).singleElement().asString().matches("\\.part-3-7-" + ID + "\\.pending");
        assertThat(FileSource.files(dir)).isEmpty();
        assertThat(Files.readAllLines(single(prepared).pending())).containsExactly("a", "b"); // closed and complete

        sink.createCommitter().commit(prepared);
        assertThat(names(dir)).singleElement().asString().matches("part-3-7-" + ID);
        assertThat(Files.readAllLines(dir.resolve(visible(dir).get(0)))).containsExactly("a", "b");
        writer.close();
    }

    @Test
    void nothingWrittenSinceTheLastBarrierMakesNoPart() throws Exception {
        CommittingSinkWriter<String, PendingPart> writer = FileSink.<String>forLines(dir).createWriter(subtask(0));
        assertThat(writer.prepareCommit(1)).isEmpty();
        writer.write("x", Long.MIN_VALUE);
        assertThat(writer.prepareCommit(2)).hasSize(1);
        assertThat(writer.prepareCommit(3)).isEmpty();
        writer.close();
        assertThat(names(dir)).singleElement().asString().startsWith(".part-0-2-");
    }

    @Test
    void eachBarrierStartsAFreshPart() throws Exception {
        CommittingSinkWriter<String, PendingPart> writer = FileSink.<String>forLines(dir).createWriter(subtask(1));
        List<PendingPart> parts = new ArrayList<>();
        for (int cp = 1; cp <= 3; cp++) {
            writer.write("r" + cp, Long.MIN_VALUE);
            parts.addAll(writer.prepareCommit(cp));
        }
        writer.close();
        assertThat(parts).hasSize(3);
        for (int i = 0; i < 3; i++) assertThat(Files.readAllLines(parts.get(i).pending())).containsExactly("r" + (i + 1));
    }

    @Test
    void closeWithoutABarrierDropsTheUnpreparedPart() throws Exception {
        CommittingSinkWriter<String, PendingPart> writer = FileSink.<String>forLines(dir).createWriter(subtask(0));
        writer.write("prepared", Long.MIN_VALUE);
        Collection<PendingPart> prepared = writer.prepareCommit(1);
        writer.write("never prepared", Long.MIN_VALUE);
        writer.close(); // as after a failure or a cancel: the sources will replay what was not prepared
        assertThat(names(dir)).containsExactly(single(prepared).pending().getFileName().toString());
    }

    @Test
    void twoWritersOfTheSameSubtaskAndCheckpointNeverShareAName() throws Exception {
        FileSink<String> sink = FileSink.forLines(dir);
        Collection<PendingPart> first = prepareOne(sink, "first", 5);
        Collection<PendingPart> second = prepareOne(sink, "second", 5); // e.g. the same savepoint restored twice
        sink.createCommitter().commit(first);
        sink.createCommitter().commit(second);
        assertThat(visible(dir)).hasSize(2).allMatch(n -> n.startsWith("part-2-5-"));
        assertThat(PartFolder.output(dir)).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aPartSuffixGoesOnTheCommittedName() throws Exception {
        FileSink<String> sink = FileSink.<String>forLines(dir).withPartSuffix(".jsonl");
        sink.createCommitter().commit(prepareOne(sink, "{}", 4));
        assertThat(visible(dir)).singleElement().asString().matches("part-2-4-" + ID + "\\.jsonl");
        assertThat(hidden(dir)).isEmpty();
        assertThatThrownBy(() -> sink.withPartSuffix("/x")).hasMessageContaining("path separator");
    }

    @Test
    void aLineBreakInsideARecordIsRefusedNamingTheFolder() throws Exception {
        CommittingSinkWriter<String, PendingPart> writer = FileSink.<String>forLines(dir).createWriter(subtask(1));
        assertThatThrownBy(() -> writer.write("two\nlines", Long.MIN_VALUE))
                .hasMessageContaining("line break").hasMessageContaining("subtask 1").hasMessageContaining(dir.toString());
        writer.close();
        assertThat(names(dir)).isEmpty();
    }

    private static Collection<PendingPart> prepareOne(FileSink<String> sink, String line, long checkpointId) throws Exception {
        CommittingSinkWriter<String, PendingPart> writer = sink.createWriter(subtask(2));
        writer.write(line, Long.MIN_VALUE);
        Collection<PendingPart> parts = writer.prepareCommit(checkpointId);
        writer.close();
        return parts;
    }

    static PendingPart single(Collection<PendingPart> parts) {
        assertThat(parts).hasSize(1);
        return parts.iterator().next();
    }
}
