package io.runnel.runtime.execution;

import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.graph.OneInputTransformation;
import io.runnel.api.graph.OperatorSpec;
import io.runnel.api.graph.SinkTransformation;
import io.runnel.api.graph.Specs;
import io.runnel.api.graph.Transformation;
import io.runnel.api.graph.TwoInputTransformation;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.api.windowing.AlignedWindows;
import io.runnel.api.windowing.EventTimeTrigger;
import io.runnel.runtime.operators.BroadcastProcessOperator;
import io.runnel.runtime.operators.CoProcessOperator;
import io.runnel.runtime.operators.FilterOperator;
import io.runnel.runtime.operators.FlatMapOperator;
import io.runnel.runtime.operators.IntervalJoinOperator;
import io.runnel.runtime.operators.KeyedBroadcastProcessOperator;
import io.runnel.runtime.operators.KeyedProcessOperator;
import io.runnel.runtime.operators.KeyedReduceOperator;
import io.runnel.runtime.operators.MapOperator;
import io.runnel.runtime.operators.ProcessOperator;
import io.runnel.runtime.operators.SinkOperator;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.operators.WatermarkAssignerOperator;
import io.runnel.runtime.windowing.SlicingWindowOperator;
import io.runnel.runtime.windowing.WindowOperator;

/**
 * Picks the operator for each node of the plan. User functions are copied per subtask (by Java
 * serialization) so that parallel instances never share a function object's fields.
 */
public final class OperatorFactory {
    private OperatorFactory() {}

    /** True if the node needs keyed state (its input is keyed). */
    public static boolean isKeyed(Transformation t) {
        return (t instanceof OneInputTransformation o && o.keySelector() != null)
                || (t instanceof TwoInputTransformation w && w.keySelector1() != null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static StreamOperator<?> create(Transformation t, boolean copyFunctions) {
        if (t instanceof SinkTransformation s) return new SinkOperator<>(copy(s.sink(), copyFunctions));
        if (t instanceof OneInputTransformation o) {
            return oneInput(copy(o.spec(), copyFunctions), (KeySelector) copy(o.keySelector(), copyFunctions));
        }
        if (t instanceof TwoInputTransformation w) {
            return twoInput(copy(w.spec(), copyFunctions), (KeySelector) copy(w.keySelector1(), copyFunctions),
                    (KeySelector) copy(w.keySelector2(), copyFunctions));
        }
        throw new IllegalArgumentException("no operator for " + t);
    }

    private static <T> T copy(T value, boolean really) {
        return really && value != null ? Copies.deepCopy(value) : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StreamOperator<?> oneInput(OperatorSpec spec, KeySelector key) {
        if (spec instanceof Specs.Map m) return new MapOperator<>((MapFunction) m.function());
        if (spec instanceof Specs.Filter f) return new FilterOperator<>((FilterFunction) f.function());
        if (spec instanceof Specs.FlatMap f) return new FlatMapOperator<>((FlatMapFunction) f.function());
        if (spec instanceof Specs.Process p) return new ProcessOperator<>((ProcessFunction) p.function());
        if (spec instanceof Specs.KeyedProcess p) return new KeyedProcessOperator<>((KeyedProcessFunction) p.function(), key);
        if (spec instanceof Specs.KeyedReduce r) return new KeyedReduceOperator<>((ReduceFunction) r.function(), key);
        if (spec instanceof Specs.Watermarks w) return new WatermarkAssignerOperator<>((WatermarkStrategy) w.strategy());
        if (spec instanceof Specs.Window w) {
            boolean sliceable = w.assigner() instanceof AlignedWindows && w.trigger() instanceof EventTimeTrigger && w.evictor() == null;
            return sliceable ? new SlicingWindowOperator(w, key) : new WindowOperator(w, key);
        }
        throw new IllegalArgumentException("no one-input operator for " + spec.getClass().getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StreamOperator<?> twoInput(OperatorSpec spec, KeySelector k1, KeySelector k2) {
        if (spec instanceof Specs.CoProcess c) return new CoProcessOperator<>((CoProcessFunction) c.function(), k1, k2);
        if (spec instanceof Specs.BroadcastProcess b) return new BroadcastProcessOperator<>((BroadcastProcessFunction) b.function(), b.states());
        if (spec instanceof Specs.KeyedBroadcastProcess b) {
            return new KeyedBroadcastProcessOperator<>((KeyedBroadcastProcessFunction) b.function(), k1, b.states());
        }
        if (spec instanceof Specs.IntervalJoin j) {
            return new IntervalJoinOperator<>(j.lowerBound(), j.upperBound(), (ProcessJoinFunction) j.function(), k1, k2);
        }
        throw new IllegalArgumentException("no two-input operator for " + spec.getClass().getSimpleName());
    }
}
