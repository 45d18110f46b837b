package io.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.examples.WordCount.WordAndCount;
import io.runnel.testing.CollectSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordCountTest {
    static final List<String> TEXT = List.of("To be, or not to be:", "that is the question.", "", "TO BE!");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void emitsEveryRunningCountOfEveryWord(int parallelism) throws Exception {
        Path file = Files.write(dir.resolve("hamlet.txt"), TEXT);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        CollectSink<WordAndCount> sink = new CollectSink<>();
        WordCount.countWords(env.fromSource(WordCount.source(new ExampleArgs(new String[] {"--file", file.toString()}, "")),
                WatermarkStrategy.noWatermarks(), "lines")).sinkTo(sink);
        env.execute("word count");

        assertThat(sink.results()).containsExactlyInAnyOrder(
                new WordAndCount("to", 1), new WordAndCount("to", 2), new WordAndCount("to", 3),
                new WordAndCount("be", 1), new WordAndCount("be", 2), new WordAndCount("be", 3),
                new WordAndCount("or", 1), new WordAndCount("not", 1), new WordAndCount("that", 1),
                new WordAndCount("is", 1), new WordAndCount("the", 1), new WordAndCount("question", 1));
        // Within a word, counts arrive in order (one key, one instance).
        Map<String, List<Long>> perWord = sink.results().stream().collect(
                Collectors.groupingBy(WordAndCount::word, Collectors.mapping(WordAndCount::count, Collectors.toList())));
        assertThat(perWord.get("be")).containsExactly(1L, 2L, 3L);
        sink.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--file", "--socket localhost", "--color red"})
    void badArgumentsSayWhatIsExpected(String args) {
        String[] a = args.isEmpty() ? new String[0] : args.split(" ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordCount.source(new ExampleArgs(a, WordCount.USAGE)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("usage"), e -> assertThat(e).hasMessageContaining("HOST:PORT"));
    }

}
