package io.runnel.testing;

import io.runnel.api.DataStream;
import io.runnel.api.OutputTag;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceSplit;
import io.runnel.api.graph.OneInputTransformation;
import io.runnel.api.graph.PartitionTransformation;
import io.runnel.api.graph.SourceTransformation;
import io.runnel.api.graph.Transformation;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.runtime.execution.OperatorFactory;
import io.runnel.runtime.operators.ChainingOutput;
import io.runnel.runtime.operators.KeyedOperator;
import io.runnel.runtime.operators.OneInputOperator;
import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.OperatorSnapshot;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.SnapshotTarget;
import io.runnel.runtime.state.StateBackends;
import java.nio.file.Files;
import java.nio.file.Path;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.ProcessingClock;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.state.TimerEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Drives a chain of one-input operators by hand, without threads: feed records, watermarks and
 * processing time; read output, side outputs, emitted watermarks, pending timers and keyed state.
 *
 * <pre>{@code
 * OperatorHarness<Event, Count> h = OperatorHarness.of(s -> s.keyBy(Event::user).process(new CountFn()));
 * h.processElement(new Event("a"), 1000);
 * h.processWatermark(2000);
 * assertThat(h.output()).containsExactly(new Count("a", 1));
 * }</pre>
 *
 * The pipeline is built on a placeholder stream and may use keyBy, map, windows, process
 * functions; everything after the keyBy runs as one subtask of parallelism 1 owning every key
 * group. {@link #snapshot} takes what a checkpoint barrier takes (a real round trip through
 * bytes and the backend's files), and {@link #restore} starts a harness from snapshots of any
 * number of earlier subtasks, as a subtask of any parallelism: a rescale in miniature.
 */
public final class OperatorHarness<IN, OUT> implements AutoCloseable {
    private final List<StreamOperator<?>> operators = new ArrayList<>();
    private final Capture capture = new Capture();
    private final ManualClock clock = new ManualClock();
    private final OneInputOperator<IN> head;

    /** One record or side-output record with its timestamp. */
    public record Record<T>(T value, long timestamp) {}

    private static final class ManualClock implements ProcessingClock {
        long now;

        @Override
        public long now() {
            return now;
        }
    }

    private final int subtask;
    /**
     * Numbers the harnesses of this JVM: snapshots of every harness share one directory (so a
     * restore can combine several subtasks' snapshots), and their files must not collide when two
     * harnesses take checkpoints with the same id.
     */
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();
    private final int instance = INSTANCES.incrementAndGet();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private OperatorHarness(List<Transformation> chain, int subtask, int parallelism, String backend, List<Snapshot> restoreFrom) throws Exception {
        this.subtask = subtask;
        int maxP = StreamEnvironment.DEFAULT_MAX_PARALLELISM;
        StateBackends backends = StateBackends.byName(backend, SNAPSHOTS.resolve("work"));
        Output<Object> next = capture;
        List<StreamOperator<?>> built = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Transformation t = chain.get(i);
            StreamOperator op = OperatorFactory.create(t, true);
            KeyedStateBackend state = OperatorFactory.isKeyed(t)
                    ? backends.create("op" + i, OperatorContext.keyContext(subtask, parallelism, maxP), clock, subtask) : null;
            op.setup(new OperatorContext(t.name(), subtask, parallelism, maxP, clock, state), next);
            built.add(op);
            next = new ChainingOutput<>(op);
        }
        Collections.reverse(built);
        operators.addAll(built);
        if (operators.isEmpty()) throw new IllegalArgumentException("the pipeline has no operator");
        if (!restoreFrom.isEmpty()) {
            Path base = restoreFrom.get(0).dir;
            for (int i = 0; i < operators.size(); i++) {
                List<Map<String, Object>> parts = new ArrayList<>();
                for (Snapshot s : restoreFrom) parts.add(s.parts(i));
                operators.get(i).restoreState(new OperatorRestore(base, parts));
            }
        }
        for (StreamOperator<?> op : operators) op.open();
        head = (OneInputOperator<IN>) operators.get(0);
    }

    /** A harness for the operators {@code pipeline} adds to a stream of {@code IN}. */
    public static <IN, OUT> OperatorHarness<IN, OUT> of(Function<DataStream<IN>, DataStream<OUT>> pipeline) throws Exception {
        return of(pipeline, 0, 1, "heap", List.of());
    }

    /** A harness on the named state backend ("heap" or "rocksdb"), as the only subtask. */
    public static <IN, OUT> OperatorHarness<IN, OUT> of(Function<DataStream<IN>, DataStream<OUT>> pipeline, String backend) throws Exception {
        return of(pipeline, 0, 1, backend, List.of());
    }

    /** A harness running as subtask {@code subtask} of {@code parallelism} on the named state backend. */
    public static <IN, OUT> OperatorHarness<IN, OUT> of(Function<DataStream<IN>, DataStream<OUT>> pipeline, int subtask, int parallelism,
                                                        String backend) throws Exception {
        return of(pipeline, subtask, parallelism, backend, List.of());
    }

    /** A harness restored from snapshots of earlier subtasks (any number), running as {@code subtask} of {@code parallelism}. */
    public static <IN, OUT> OperatorHarness<IN, OUT> restore(Function<DataStream<IN>, DataStream<OUT>> pipeline, int subtask, int parallelism,
                                                             String backend, List<Snapshot> snapshots) throws Exception {
        return of(pipeline, subtask, parallelism, backend, snapshots);
    }

    private static <IN, OUT> OperatorHarness<IN, OUT> of(Function<DataStream<IN>, DataStream<OUT>> pipeline, int subtask, int parallelism,
                                                         String backend, List<Snapshot> snapshots) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
        DataStream<IN> input = env.fromSource(new NoSource<>(), WatermarkStrategy.noWatermarks(), "harness-input");
        Transformation last = pipeline.apply(input).transformation();
        List<Transformation> chain = new ArrayList<>();
        for (Transformation t = last; !(t instanceof SourceTransformation); t = t.inputs().get(0)) {
            if (t.inputs().size() != 1) throw new IllegalArgumentException("the harness drives one-input operators only, not " + t);
            if (t instanceof OneInputTransformation) chain.add(t);
            else if (!(t instanceof PartitionTransformation)) throw new IllegalArgumentException("the harness cannot drive " + t);
        }
        Collections.reverse(chain);
        return new OperatorHarness<>(chain, subtask, parallelism, backend, snapshots);
    }

    private static final Path SNAPSHOTS = tempRoot();

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("runnel-harness");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What every operator of the chain put into checkpoint {@code id}, written and read back as bytes. */
    public Snapshot snapshot(long id) throws Exception {
        Path dir = Files.createDirectories(SNAPSHOTS.resolve("chk-" + id));
        Path shared = Files.createDirectories(SNAPSHOTS.resolve("shared"));
        List<byte[]> bytes = new ArrayList<>();
        for (int i = 0; i < operators.size(); i++) {
            OperatorSnapshot s = new OperatorSnapshot(id, false);
            operators.get(i).snapshotState(s);
            Map<String, Object> parts = new java.util.LinkedHashMap<>();
            SnapshotTarget target = new SnapshotTarget(id, dir, shared, "h" + instance + "-op" + i + "-" + subtask);
            for (Map.Entry<String, Object> e : s.parts().entrySet()) {
                Object v = e.getValue();
                if (v instanceof KeyedStateBackend.SnapshotPart part) v = part.write(target);
                parts.put(e.getKey(), v);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream oos = new java.io.ObjectOutputStream(out)) {
                oos.writeObject(parts);
            }
            bytes.add(out.toByteArray());
        }
        for (StreamOperator<?> op : operators) op.notifyCheckpointComplete(id);
        return new Snapshot(dir, bytes);
    }

    /** A harness snapshot: per operator of the chain, its parts as bytes. */
    public static final class Snapshot {
        final Path dir;
        final List<byte[]> perOperator;

        Snapshot(Path dir, List<byte[]> perOperator) {
            this.dir = dir;
            this.perOperator = perOperator;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> parts(int operator) throws Exception {
            try (java.io.ObjectInputStream in = new io.runnel.runtime.state.StateCopier.LoaderObjectInputStream(
                    new java.io.ByteArrayInputStream(perOperator.get(operator)), null)) {
                return (Map<String, Object>) in.readObject();
            }
        }

        /** Bytes of the state written (the backend's own files not included). */
        public long bytes() {
            long n = 0;
            for (byte[] b : perOperator) n += b.length;
            return n;
        }
    }

    public void processElement(IN value, long timestamp) throws Exception {
        head.processElement(value, timestamp);
    }

    /** Elements without timestamps. */
    @SafeVarargs
    public final void processElements(IN... values) throws Exception {
        for (IN v : values) head.processElement(v, Long.MIN_VALUE);
    }

    /** Advances event time: fires due event-time timers and windows. */
    public void processWatermark(long watermark) throws Exception {
        operators.get(0).processWatermark(watermark);
    }

    /** Moves the processing-time clock and fires due processing-time timers. */
    public void setProcessingTime(long now) throws Exception {
        clock.now = now;
        for (StreamOperator<?> op : operators) op.advanceProcessingTime(now);
    }

    /** Ends the input: the final watermark, then end of input. */
    public void endInput() throws Exception {
        processWatermark(Long.MAX_VALUE);
        for (StreamOperator<?> op : operators) op.endInput();
    }

    @SuppressWarnings("unchecked")
    public List<OUT> output() {
        List<OUT> values = new ArrayList<>();
        for (Record<Object> r : capture.main) values.add((OUT) r.value());
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Record<OUT>> outputWithTimestamps() {
        return (List) List.copyOf(capture.main);
    }

    @SuppressWarnings("unchecked")
    public <X> List<X> sideOutput(OutputTag<X> tag) {
        List<X> values = new ArrayList<>();
        for (Map.Entry<OutputTag<?>, Record<Object>> e : capture.side) if (e.getKey().equals(tag)) values.add((X) e.getValue().value());
        return values;
    }

    public List<Long> watermarks() {
        return List.copyOf(capture.watermarks);
    }

    /** Forgets what was output so far. */
    public void clearOutput() {
        capture.main.clear();
        capture.side.clear();
        capture.watermarks.clear();
    }

    /** The chain's operators, first to last: for tests that inspect an operator's own figures. */
    public List<StreamOperator<?>> operators() {
        return Collections.unmodifiableList(operators);
    }

    /** Pending event-time timers of every keyed operator. */
    public List<TimerEntry> eventTimers() {
        List<TimerEntry> all = new ArrayList<>();
        for (StreamOperator<?> op : operators) if (op instanceof KeyedOperator<?> k) k.eventTimers().all().forEach(all::add);
        all.sort(null);
        return all;
    }

    public List<TimerEntry> processingTimers() {
        List<TimerEntry> all = new ArrayList<>();
        for (StreamOperator<?> op : operators) if (op instanceof KeyedOperator<?> k) k.processingTimers().all().forEach(all::add);
        all.sort(null);
        return all;
    }

    /** How many keys hold a value in the named keyed state (over the chain's keyed operators), on either backend. */
    public long stateSize(String name) {
        long n = 0;
        for (StreamOperator<?> op : operators) if (op.context().state() != null) n += op.context().state().keyCount(name);
        return n;
    }

    @Override
    public void close() throws Exception {
        for (StreamOperator<?> op : operators) op.close();
        for (StreamOperator<?> op : operators) if (op.context().state() != null) op.context().state().close();
    }

    /** Records what the last operator emits. */
    private static final class Capture implements Output<Object> {
        final List<Record<Object>> main = new ArrayList<>();
        final List<Map.Entry<OutputTag<?>, Record<Object>>> side = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void collect(Object record, long timestamp) {
            main.add(new Record<>(record, timestamp));
        }

        @Override
        public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
            side.add(Map.entry(tag, new Record<>(record, timestamp)));
        }

        @Override
        public void emitWatermark(long watermark) {
            watermarks.add(watermark);
        }

        @Override
        public void emitIdle(boolean idle) {}
    }

    /** The placeholder source a harness pipeline is built on; never run. */
    private static final class NoSource<T> implements Source<T, SourceSplit> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boundedness boundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public List<SourceSplit> createSplits(int parallelism) {
            return List.of();
        }

        @Override
        public SourceReader<T, SourceSplit> createReader(io.runnel.api.connector.SourceReaderContext context) {
            return new SourceReader<>() {
                public void addSplits(List<SourceSplit> splits) {}

                public InputStatus pollNext(io.runnel.api.connector.ReaderOutput<T> output) {
                    return InputStatus.END_OF_INPUT;
                }

                public List<SourceSplit> snapshotState(long checkpointId) {
                    return List.of();
                }
            };
        }
    }
}
