package io.runnel.runtime.plan;

import io.runnel.api.graph.Transformation;
import java.util.ArrayList;
import java.util.List;

/** An operator of the physical plan with its resolved parallelism and edges. */
public final class PlanNode {
    public final Transformation transformation;
    public final String name;
    public final int parallelism;
    public final List<PlanEdge> inputs = new ArrayList<>();
    public final List<PlanEdge> outputs = new ArrayList<>();
    PlanNode chainHead;

    PlanNode(Transformation transformation, int parallelism) {
        this.transformation = transformation;
        this.name = transformation.name() + (transformation.uid() != null ? "" : "#" + transformation.id());
        this.parallelism = parallelism;
        this.chainHead = this;
    }

    /** The id its state is stored under in checkpoints: the uid if set, else one derived from the graph. */
    public String operatorId() {
        return transformation.uid() != null ? transformation.uid() : "op-" + transformation.id();
    }

    /** The first operator of the chain this node runs in. */
    public PlanNode chainHead() {
        return chainHead;
    }

    public boolean isChainHead() {
        return chainHead == this;
    }

    @Override
    public String toString() {
        return name + "(p=" + parallelism + ")";
    }
}
