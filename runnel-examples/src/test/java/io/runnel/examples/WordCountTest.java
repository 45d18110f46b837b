package io.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.examples.WordCount.WordAndCount;
import io.runnel.testing.CollectSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
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

    @Test
    void countsWordsFromASocketUntilThePeerCloses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("a b a\nb a\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
            CollectSink<WordAndCount> sink = new CollectSink<>();
            String address = "127.0.0.1:" + server.getLocalPort();
            WordCount.countWords(env.fromSource(WordCount.source(new ExampleArgs(new String[] {"--socket", address}, "")),
                    WatermarkStrategy.noWatermarks(), "lines")).sinkTo(sink);
            env.execute("socket word count");
            peer.get(10, TimeUnit.SECONDS);
            assertThat(sink.results()).containsExactlyInAnyOrder(new WordAndCount("a", 1), new WordAndCount("a", 2),
                    new WordAndCount("a", 3), new WordAndCount("b", 1), new WordAndCount("b", 2));
            sink.clear();
        }
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
