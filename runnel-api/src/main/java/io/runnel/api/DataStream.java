package io.runnel.api;

import io.runnel.api.connector.Sink;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.graph.OneInputTransformation;
import io.runnel.api.graph.OperatorSpec;
import io.runnel.api.graph.PartitionTransformation;
import io.runnel.api.graph.Partitioning;
import io.runnel.api.graph.SideOutputTransformation;
import io.runnel.api.graph.SinkTransformation;
import io.runnel.api.graph.Specs;
import io.runnel.api.graph.Transformation;
import io.runnel.api.graph.UnionTransformation;
import io.runnel.api.internal.ConstantKey;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.Window;
import io.runnel.api.windowing.WindowAssigner;
import java.util.ArrayList;
import java.util.List;

/** A stream of records of type {@code T}. Each method adds a node to the job graph. */
public class DataStream<T> {
    protected final StreamEnvironment env;
    protected final Transformation transformation;

    DataStream(StreamEnvironment env, Transformation transformation) {
        this.env = env;
        this.transformation = transformation;
    }

    public StreamEnvironment environment() {
        return env;
    }

    public Transformation transformation() {
        return transformation;
    }

    /** Names the operator that produces this stream (shown in errors, metrics and plans). */
    public DataStream<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A stable id that matches this operator's state across savepoints. */
    public DataStream<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStream<T> setParallelism(int parallelism) {
        if (transformation.forcesParallelismOne() && parallelism != 1) {
            throw new IllegalArgumentException("'" + transformation.name() + "' is a non-keyed window and runs with parallelism 1");
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    public <R> DataStream<R> map(MapFunction<T, R> fn) {
        return oneInput("map", new Specs.Map(fn), null);
    }

    public DataStream<T> filter(FilterFunction<T> fn) {
        return oneInput("filter", new Specs.Filter(fn), null);
    }

    public <R> DataStream<R> flatMap(FlatMapFunction<T, R> fn) {
        return oneInput("flatMap", new Specs.FlatMap(fn), null);
    }

    public <R> DataStream<R> process(ProcessFunction<T, R> fn) {
        return oneInput("process", new Specs.Process(fn), null);
    }

    /** Assigns timestamps and watermarks here, replacing those from upstream. */
    public DataStream<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        return oneInput("watermarks", new Specs.Watermarks(strategy), null);
    }

    /** Partitions by key: records of one key go to one parallel instance, with keyed state and timers. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        return new KeyedStream<>(env, new PartitionTransformation(env.newId(), transformation, Partitioning.HASH, key), key);
    }

    /** Spreads records round-robin over the next operator's instances. */
    public DataStream<T> rebalance() {
        return partition(Partitioning.REBALANCE);
    }

    /** Sends every record to every instance of the next operator. */
    public DataStream<T> broadcast() {
        return partition(Partitioning.BROADCAST);
    }

    /**
     * Broadcasts this stream for {@link #connect(BroadcastStream)}: every instance of the
     * connected operator sees every record and keeps one broadcast state per descriptor.
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... descriptors) {
        if (descriptors.length == 0) throw new IllegalArgumentException("broadcast(descriptors...): name at least one broadcast state");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (MapStateDescriptor<?, ?> d : descriptors) {
            if (!names.add(d.name())) throw new IllegalArgumentException("broadcast state '" + d.name() + "' is declared twice");
        }
        return new BroadcastStream<>(broadcast(), List.of(descriptors));
    }

    /** Keeps records on the same instance index (the default where parallelism matches). */
    public DataStream<T> forward() {
        return partition(Partitioning.FORWARD);
    }

    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> o : others) inputs.add(o.transformation);
        return new DataStream<>(env, new UnionTransformation(env.newId(), inputs));
    }

    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        return new ConnectedStreams<>(env, this, other);
    }

    /** Connects a broadcast stream with its broadcast states; on a {@link KeyedStream} the function may be keyed. */
    public <B> BroadcastConnectedStream<T, B> connect(BroadcastStream<B> broadcast) {
        return new BroadcastConnectedStream<>(env, this, broadcast.stream(), broadcast.descriptors());
    }

    /** Connects a broadcast stream: every instance of this stream's operator sees all of it. */
    public <B> BroadcastConnectedStream<T, B> connectBroadcast(DataStream<B> broadcast) {
        return new BroadcastConnectedStream<>(env, this, broadcast.broadcast());
    }

    /** The records emitted by this stream's operator to {@code tag}. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        return new DataStream<>(env, new SideOutputTransformation(env.newId(), transformation, tag));
    }

    /** Windows over the whole stream; runs with parallelism 1 (as Flink's windowAll). */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        KeyedStream<T, Byte> all = keyBy(new ConstantKey<>());
        return new AllWindowedStream<>(all.window(assigner));
    }

    /** A window join with another stream; see {@link JoinedStreams}. */
    public <R> JoinedStreams<T, R> join(DataStream<R> other) {
        return new JoinedStreams<>(this, other);
    }

    public DataStream<T> sinkTo(Sink<T> sink) {
        SinkTransformation t = new SinkTransformation(env.newId(), "sink", transformation, sink);
        env.addSink(t);
        return new DataStream<>(env, t);
    }

    /** Prints every record to standard output. */
    public DataStream<T> print() {
        return sinkTo(new PrintSink<>(null)).name("print");
    }

    public DataStream<T> print(String prefix) {
        return sinkTo(new PrintSink<>(prefix)).name("print");
    }

    protected <R> DataStream<R> oneInput(String name, OperatorSpec spec, KeySelector<?, ?> key) {
        return new DataStream<>(env, new OneInputTransformation(env.newId(), name, transformation, spec, key, false));
    }

    private DataStream<T> partition(Partitioning p) {
        return new DataStream<>(env, new PartitionTransformation(env.newId(), transformation, p, null));
    }
}
