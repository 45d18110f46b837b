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
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.ProcessingClock;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.state.HeapKeyedStateBackend;
import io.runnel.runtime.state.StateTable;
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
 * group. Checkpoint barriers come with the exactly-once issue.
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private OperatorHarness(List<Transformation> chain) throws Exception {
        Output<Object> next = capture;
        List<StreamOperator<?>> built = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Transformation t = chain.get(i);
            StreamOperator op = OperatorFactory.create(t, true);
            op.setup(new OperatorContext(t.name(), 0, 1, StreamEnvironment.DEFAULT_MAX_PARALLELISM, clock, OperatorFactory.isKeyed(t)), next);
            built.add(op);
            next = new ChainingOutput<>(op);
        }
        Collections.reverse(built);
        operators.addAll(built);
        if (operators.isEmpty()) throw new IllegalArgumentException("the pipeline has no operator");
        for (StreamOperator<?> op : operators) op.open();
        head = (OneInputOperator<IN>) operators.get(0);
    }

    /** A harness for the operators {@code pipeline} adds to a stream of {@code IN}. */
    public static <IN, OUT> OperatorHarness<IN, OUT> of(Function<DataStream<IN>, DataStream<OUT>> pipeline) throws Exception {
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
        return new OperatorHarness<>(chain);
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

    /** How many keys hold a value in the named keyed state (over the chain's keyed operators). */
    public long stateSize(String name) {
        long n = 0;
        for (StreamOperator<?> op : operators) {
            // Only the heap backend exposes its tables; this harness counts keys there.
            if (!(op.context().state() instanceof HeapKeyedStateBackend heap)) continue;
            StateTable t = heap.tables().get(name);
            if (t != null) n += t.size();
        }
        return n;
    }

    @Override
    public void close() throws Exception {
        for (StreamOperator<?> op : operators) op.close();
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
