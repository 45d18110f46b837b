package io.runnel.examples;

import io.runnel.api.DataStream;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Source;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.connectors.file.FileSource;
import io.runnel.connectors.socket.SocketTextSource;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Counts words as they arrive and prints each word's running count ({@code word=n}).
 *
 * <pre>
 * WordCount --file PATH            (a file, or every file of a folder)
 * WordCount --socket HOST:PORT     (e.g. after {@code nc -lk 9999}: type lines, see counts)
 * </pre>
 */
public final class WordCount {
    static final String USAGE = "WordCount --file PATH | --socket HOST:PORT";

    private WordCount() {}

    /** A word and how often it was seen so far. */
    public record WordAndCount(String word, long count) implements java.io.Serializable {
        @Override
        public String toString() {
            return word + "=" + count;
        }
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> lines = env.fromSource(source(new ExampleArgs(args, USAGE)), WatermarkStrategy.noWatermarks(), "lines");
        countWords(lines).print();
        env.execute("word count");
    }

    /** The pipeline: lines to running counts per word. */
    public static DataStream<WordAndCount> countWords(DataStream<String> lines) {
        return lines.flatMap(WordCount::split).name("split").keyBy(w -> w).process(new CountPerWord()).name("count");
    }

    /** Lower-case runs of letters and digits; everything else separates words. */
    static void split(String line, Collector<String> out) {
        for (String w : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) out.collect(w);
        }
    }

    static Source<String, ?> source(ExampleArgs args) {
        if (args.has("file")) return FileSource.forLines(Path.of(args.get("file")));
        if (args.has("socket")) {
            String address = args.get("socket");
            int colon = address.lastIndexOf(':');
            if (colon < 0) throw new IllegalArgumentException("--socket must be HOST:PORT, got '" + address + "'");
            return new SocketTextSource(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        }
        throw new IllegalArgumentException("no input given\nusage: " + USAGE);
    }

    /** The count of the current word lives in keyed state, so it survives restores and rescaling. */
    static final class CountPerWord extends KeyedProcessFunction<String, String, WordAndCount> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(String word, Context ctx, Collector<WordAndCount> out) throws Exception {
            long n = count.value() + 1;
            count.update(n);
            out.collect(new WordAndCount(word, n));
        }
    }
}
