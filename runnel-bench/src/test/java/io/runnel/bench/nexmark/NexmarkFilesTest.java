package io.runnel.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.connectors.nexmark.JsonRow;
import io.runnel.connectors.nexmark.NexmarkGenerator;
import io.runnel.testing.CollectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runnel run nexmark --output DIR}: the rows land in committed {@code .jsonl} parts, once each. */
class NexmarkFilesTest {
    static final long EVENTS = 10_000;

    @TempDir
    Path dir;

    @Test
    void rowsLandOnceInCommittedJsonLinesParts() throws Exception {
        NexmarkJob.runToFiles("q1", EVENTS, 2, dir).await(Duration.ofMinutes(2));
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(names).hasSize(2).allMatch(n -> n.matches("part-[01]-\\d+-[0-9a-f]{12}\\.jsonl")); // nothing hidden left
        List<String> written = new ArrayList<>();
        for (String n : names) written.addAll(Files.readAllLines(dir.resolve(n)));
        assertThat(written).containsExactlyInAnyOrderElementsOf(collected("q1"));
    }

    @Test
    void eventsAndRowsFormatAsTheOracleJsonAndOtherTypesAreRefused() {
        JsonRowFormatter<Object> formatter = new JsonRowFormatter<>();
        assertThat(formatter.format(new NexmarkGenerator().event(0))).startsWith("{").doesNotContain("\n");
        assertThatThrownBy(() -> formatter.format("text")).hasMessageContaining("java.lang.String");
    }

    static List<String> collected(String query) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        CollectSink<Object> sink = new CollectSink<>();
        NexmarkJob.build(env, query, EVENTS, 0, sink);
        env.execute(query);
        List<String> rows = new ArrayList<>();
        for (Object r : sink.results()) rows.add(((JsonRow) r).toJson());
        sink.clear();
        return rows;
    }
}
