package io.runnel.runtime.plan;

import io.runnel.api.OutputTag;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.Partitioning;

/**
 * A data edge between two plan nodes: how records are partitioned, which input of the target it
 * feeds (0 or 1), and which side output of the source (null for the main output).
 */
public final class PlanEdge {
    public final PlanNode from;
    public final PlanNode to;
    public final int toInput;
    public final Partitioning partitioning;
    public final KeySelector<?, ?> key;
    public final OutputTag<?> tag;
    boolean chained;

    PlanEdge(PlanNode from, PlanNode to, int toInput, Partitioning partitioning, KeySelector<?, ?> key, OutputTag<?> tag) {
        this.from = from;
        this.to = to;
        this.toInput = toInput;
        this.partitioning = partitioning;
        this.key = key;
        this.tag = tag;
    }

    /** True when the target runs in the source's task as a method call. */
    public boolean chained() {
        return chained;
    }

    @Override
    public String toString() {
        return from.name + " -" + partitioning + (tag == null ? "" : "[" + tag.id() + "]") + "-> " + to.name;
    }
}
