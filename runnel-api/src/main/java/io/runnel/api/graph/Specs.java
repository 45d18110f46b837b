package io.runnel.api.graph;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.Evictor;
import io.runnel.api.windowing.ProcessWindowFunction;
import io.runnel.api.windowing.Trigger;
import io.runnel.api.windowing.WindowAssigner;
import java.util.List;

/** The operator specs the stream API produces, one record per kind of operator. */
public final class Specs {
    private Specs() {}

    public record Map(MapFunction<?, ?> function) implements OperatorSpec {}

    public record Filter(FilterFunction<?> function) implements OperatorSpec {}

    public record FlatMap(FlatMapFunction<?, ?> function) implements OperatorSpec {}

    public record Process(ProcessFunction<?, ?> function) implements OperatorSpec {}

    public record KeyedProcess(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {}

    /** A running reduce per key: emits the updated value for every record. */
    public record KeyedReduce(ReduceFunction<?> function) implements OperatorSpec {}

    /** Assigns timestamps and watermarks mid-stream (replacing upstream watermarks). */
    public record Watermarks(WatermarkStrategy<?> strategy) implements OperatorSpec {}

    public record CoProcess(CoProcessFunction<?, ?, ?> function) implements OperatorSpec {}

    /** Input 2 is the broadcast side; {@code states} are the broadcast states declared for it. */
    public record BroadcastProcess(BroadcastProcessFunction<?, ?, ?> function, List<MapStateDescriptor<?, ?>> states) implements OperatorSpec {
        public BroadcastProcess(BroadcastProcessFunction<?, ?, ?> function) {
            this(function, List.of());
        }
    }

    /** Input 1 is keyed, input 2 the broadcast side; {@code states} are the declared broadcast states. */
    public record KeyedBroadcastProcess(KeyedBroadcastProcessFunction<?, ?, ?, ?> function, List<MapStateDescriptor<?, ?>> states)
            implements OperatorSpec {}

    /** Interval join: a right element at tr matches a left element at tl when tl+lower <= tr <= tl+upper. */
    public record IntervalJoin(long lowerBound, long upperBound, ProcessJoinFunction<?, ?, ?> function) implements OperatorSpec {}

    /**
     * A window operator. Exactly one of {@code reduce}/{@code aggregate} may be set for
     * incremental aggregation; {@code function} then sees the one result, else every element.
     * {@code function} may be null when {@code reduce}/{@code aggregate} is set (emit the result).
     */
    public record Window(WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger, Evictor<?, ?> evictor,
                         long allowedLateness, OutputTag<?> lateDataTag,
                         ReduceFunction<?> reduce, AggregateFunction<?, ?, ?> aggregate,
                         ProcessWindowFunction<?, ?, ?, ?> function) implements OperatorSpec {}
}
