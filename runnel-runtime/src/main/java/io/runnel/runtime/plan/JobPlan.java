package io.runnel.runtime.plan;

import io.runnel.api.OutputTag;
import io.runnel.api.StreamJob;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.OneInputTransformation;
import io.runnel.api.graph.PartitionTransformation;
import io.runnel.api.graph.Partitioning;
import io.runnel.api.graph.SideOutputTransformation;
import io.runnel.api.graph.SinkTransformation;
import io.runnel.api.graph.SourceTransformation;
import io.runnel.api.graph.Transformation;
import io.runnel.api.graph.TwoInputTransformation;
import io.runnel.api.graph.UnionTransformation;
import io.runnel.runtime.state.StableKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the physical plan of a job. Partition, union and side-output nodes become edge
 * attributes; a forward edge between nodes of different parallelism becomes a rebalance; a
 * one-input node whose only input is a forward edge from a node of equal parallelism chains
 * onto it.
 */
public final class JobPlan {
    private final StreamJob job;
    private final Map<Integer, PlanNode> nodes = new LinkedHashMap<>();

    private JobPlan(StreamJob job) {
        this.job = job;
    }

    public static JobPlan of(StreamJob job) {
        JobPlan plan = new JobPlan(job);
        for (Transformation sink : job.sinks()) plan.node(sink);
        plan.chain();
        return plan;
    }

    public StreamJob job() {
        return job;
    }

    /** Nodes in topological order (inputs before the nodes they feed). */
    public List<PlanNode> nodes() {
        return new ArrayList<>(nodes.values());
    }

    public List<PlanNode> chainHeads() {
        List<PlanNode> heads = new ArrayList<>();
        for (PlanNode n : nodes.values()) if (n.isChainHead()) heads.add(n);
        return heads;
    }

    /** Nodes of the chain headed by {@code head}, in topological order. */
    public List<PlanNode> chainOf(PlanNode head) {
        List<PlanNode> chain = new ArrayList<>();
        for (PlanNode n : nodes.values()) if (n.chainHead == head) chain.add(n);
        return chain;
    }

    private PlanNode node(Transformation t) {
        PlanNode existing = nodes.get(t.id());
        if (existing != null) return existing;
        if (t instanceof PartitionTransformation || t instanceof UnionTransformation || t instanceof SideOutputTransformation) {
            throw new IllegalStateException("not an operator: " + t);
        }
        List<Transformation> ins = t.inputs();
        List<List<Input>> resolved = new ArrayList<>();
        for (Transformation in : ins) resolved.add(resolve(in, Partitioning.FORWARD, null, null));
        int p = t.parallelism() > 0 ? t.parallelism() : job.parallelism();
        if (t.forcesParallelismOne()) p = 1;
        PlanNode n = new PlanNode(t, p);
        for (int i = 0; i < resolved.size(); i++) {
            for (Input in : resolved.get(i)) {
                Partitioning part = in.partitioning;
                if (part == Partitioning.FORWARD && in.node.parallelism != p) part = Partitioning.REBALANCE;
                PlanEdge e = new PlanEdge(in.node, n, i, part, in.key, in.tag);
                in.node.outputs.add(e);
                n.inputs.add(e);
            }
        }
        nodes.put(t.id(), n);
        validate(n);
        return n;
    }

    private record Input(PlanNode node, Partitioning partitioning, KeySelector<?, ?> key, OutputTag<?> tag) {}

    private List<Input> resolve(Transformation t, Partitioning part, KeySelector<?, ?> key, OutputTag<?> tag) {
        if (t instanceof PartitionTransformation pt) {
            return resolve(pt.inputs().get(0), pt.partitioning(), pt.keySelector(), tag);
        }
        if (t instanceof UnionTransformation) {
            List<Input> all = new ArrayList<>();
            for (Transformation in : t.inputs()) all.addAll(resolve(in, part, key, tag));
            return all;
        }
        if (t instanceof SideOutputTransformation st) {
            return resolve(st.inputs().get(0), part, key, st.tag());
        }
        if (t instanceof SinkTransformation) {
            throw new IllegalArgumentException("a sink has no output stream: '" + t.name() + "' cannot feed another operator");
        }
        return List.of(new Input(node(t), part, key, tag));
    }

    private static void validate(PlanNode n) {
        Transformation t = n.transformation;
        boolean keyed = (t instanceof OneInputTransformation o && o.keySelector() != null)
                || (t instanceof TwoInputTransformation w && w.keySelector1() != null);
        if (keyed) {
            for (PlanEdge e : n.inputs) {
                if (e.toInput == 1 && t instanceof TwoInputTransformation w && w.keySelector2() == null) continue; // a broadcast side
                if (e.partitioning != Partitioning.HASH) {
                    throw new IllegalArgumentException("keyed operator '" + t.name() + "' must get its input through keyBy()");
                }
                StableKeys.checkSelector(e.key, t.name());
            }
        }
        if (t instanceof SourceTransformation && !n.inputs.isEmpty()) throw new IllegalStateException("a source has inputs: " + t);
    }

    private void chain() {
        for (PlanNode n : nodes.values()) {
            if (n.inputs.size() != 1) continue;
            PlanEdge e = n.inputs.get(0);
            boolean oneInput = n.transformation instanceof OneInputTransformation || n.transformation instanceof SinkTransformation;
            if (oneInput && e.partitioning == Partitioning.FORWARD && e.from.parallelism == n.parallelism
                    && !(e.from.transformation instanceof SinkTransformation)) {
                e.chained = true;
                n.chainHead = e.from.chainHead;
            }
        }
    }

    /** A readable description of the plan: chains and edges. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (PlanNode head : chainHeads()) {
            sb.append("task ").append(head.name).append(" x").append(head.parallelism).append(": ");
            List<PlanNode> chain = chainOf(head);
            for (int i = 0; i < chain.size(); i++) sb.append(i == 0 ? "" : " -> ").append(chain.get(i).name);
            sb.append('\n');
            for (PlanNode n : chain) {
                for (PlanEdge e : n.outputs) if (!e.chained) sb.append("  ").append(e).append('\n');
            }
        }
        return sb.toString();
    }
}
