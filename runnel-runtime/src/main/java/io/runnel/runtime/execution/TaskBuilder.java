package io.runnel.runtime.execution;

import io.runnel.api.checkpoint.CheckpointingMode;
import io.runnel.runtime.checkpoint.CheckpointCoordinator;
import io.runnel.runtime.checkpoint.CheckpointParticipant;
import io.runnel.runtime.checkpoint.OperatorRestore;
import io.runnel.runtime.checkpoint.Restore;
import io.runnel.runtime.checkpoint.TaskCheckpointer;
import io.runnel.runtime.operators.SinkOperator;
import io.runnel.runtime.state.KeyedStateBackend;
import io.runnel.runtime.state.StateBackends;
import io.runnel.api.OutputTag;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import io.runnel.api.graph.SourceTransformation;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.runtime.channel.Channel;
import io.runnel.runtime.channel.ChannelWriter;
import io.runnel.runtime.channel.Partitioner;
import io.runnel.runtime.operators.ChainingOutput;
import io.runnel.runtime.operators.OperatorContext;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.OutputRouter;
import io.runnel.runtime.operators.ProcessingClock;
import io.runnel.runtime.operators.StreamOperator;
import io.runnel.runtime.plan.JobPlan;
import io.runnel.runtime.plan.PlanEdge;
import io.runnel.runtime.plan.PlanNode;
import io.runnel.runtime.state.KeyGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Instantiates a plan: one channel per (network edge, producer subtask, consumer subtask), and per
 * chain and subtask the operators wired together, the channel writers and the input gate.
 */
public final class TaskBuilder {
    /** Records per batch on a channel. */
    public static final int BATCH_SIZE = 512;
    /** Batches (and control items) a channel holds before the producer is backpressured. */
    public static final int CHANNEL_CAPACITY = 16;

    private final JobPlan plan;
    private final ProcessingClock clock;
    private final AtomicLong firstRecordNanos;
    /** Channels of each network edge, [producer][consumer] (null off the diagonal for forward edges). */
    private final Map<PlanEdge, Channel[][]> channels = new HashMap<>();
    final List<SourceTask<?>> sourceTasks = new ArrayList<>();
    private final Map<PlanNode, List<? extends SourceSplit>> splitsOf = new HashMap<>();
    final Map<Tasklet, String> sourceNames = new HashMap<>();
    final List<Tasklet> tasks = new ArrayList<>();
    final Map<Tasklet, List<String>> sinkNames = new HashMap<>();
    /** Checkpointing; null when off. */
    private CheckpointCoordinator coordinator;
    private int attempt;
    private StateBackends backends = StateBackends.heapOnly();
    private Restore restore;
    final List<CheckpointParticipant> participants = new ArrayList<>();

    public TaskBuilder(JobPlan plan, ProcessingClock clock, AtomicLong firstRecordNanos) {
        this.plan = plan;
        this.clock = clock;
        this.firstRecordNanos = firstRecordNanos;
    }

    /** Tasks take part in checkpoints of {@code coordinator}, as attempt {@code attempt}. */
    public TaskBuilder checkpointing(CheckpointCoordinator coordinator, int attempt) {
        this.coordinator = coordinator;
        this.attempt = attempt;
        return this;
    }

    public TaskBuilder stateBackends(StateBackends backends) {
        this.backends = backends;
        return this;
    }

    /** Operators and sources start from this checkpoint or savepoint. */
    public TaskBuilder restoreFrom(Restore restore) {
        this.restore = restore;
        return this;
    }

    public List<Tasklet> build() throws Exception {
        for (PlanNode n : plan.nodes()) {
            for (PlanEdge e : n.outputs) if (!e.chained()) channels.put(e, createChannels(e));
        }
        for (PlanNode head : plan.chainHeads()) {
            for (int i = 0; i < head.parallelism; i++) tasks.add(buildTask(head, i));
        }
        return tasks;
    }

    private Channel[][] createChannels(PlanEdge e) {
        int p = e.from.parallelism;
        int q = e.to.parallelism;
        Channel[][] cs = new Channel[p][q];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                if (e.partitioning == io.runnel.api.graph.Partitioning.FORWARD && i != j) continue;
                cs[i][j] = new Channel(e + " " + i + "->" + j, CHANNEL_CAPACITY);
            }
        }
        return cs;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Tasklet buildTask(PlanNode head, int subtask) throws Exception {
        List<PlanNode> chainNodes = plan.chainOf(head);
        int maxP = plan.job().maxParallelism();
        Map<PlanNode, StreamOperator<?>> ops = new LinkedHashMap<>();
        Map<PlanNode, OperatorContext> contexts = new HashMap<>();
        for (PlanNode n : chainNodes) {
            KeyedStateBackend backend = OperatorFactory.isKeyed(n.transformation)
                    ? backends.create(n.operatorId(), OperatorContext.keyContext(subtask, n.parallelism, maxP), clock, subtask) : null;
            OperatorContext ctx = new OperatorContext(n.name, subtask, n.parallelism, maxP, clock, backend);
            contexts.put(n, ctx);
            if (!(n.transformation instanceof SourceTransformation)) ops.put(n, OperatorFactory.create(n.transformation, true));
        }
        List<ChannelWriter> writers = new ArrayList<>();
        Map<PlanNode, Output<?>> outputs = new HashMap<>();
        // wire from the end of the chain backwards so each node's targets exist
        List<PlanNode> reversed = new ArrayList<>(chainNodes);
        java.util.Collections.reverse(reversed);
        for (PlanNode n : reversed) outputs.put(n, outputOf(n, subtask, ops, writers));
        for (Map.Entry<PlanNode, StreamOperator<?>> e : ops.entrySet()) {
            ((StreamOperator) e.getValue()).setup(contexts.get(e.getKey()), outputs.get(e.getKey()));
        }
        long restoredWatermark = Long.MIN_VALUE;
        for (Map.Entry<PlanNode, StreamOperator<?>> e : ops.entrySet()) {
            StreamOperator<?> op = e.getValue();
            if (op instanceof SinkOperator<?> so) so.setCheckpointing(coordinator != null);
            if (restore != null) {
                OperatorRestore r = restore.of(e.getKey().operatorId(), subtask, e.getKey().parallelism,
                        OperatorFactory.isKeyed(e.getKey().transformation));
                if (r != null) {
                    try {
                        op.restoreState(r);
                    } catch (Exception ex) {
                        throw new IllegalStateException("could not restore operator '" + e.getKey().name + "' (subtask " + (subtask + 1)
                                + ") from " + restore.dir() + ": " + ex.getMessage(), ex);
                    }
                    if (e.getKey() == head) restoredWatermark = op.currentWatermark();
                }
            }
        }
        OperatorChain chain = new OperatorChain(new ArrayList<>(ops.values()), writers, clock, plan.job().bufferTimeoutMillis());
        for (OperatorContext ctx : contexts.values()) ctx.outputFullWhen(chain::outputFull);
        String taskName = head.name + " (" + (subtask + 1) + "/" + head.parallelism + ")";
        List<String> sinks = new ArrayList<>();
        for (PlanNode n : chainNodes) if (n.transformation instanceof io.runnel.api.graph.SinkTransformation) sinks.add(n.name);
        Tasklet task;
        TaskCheckpointer checkpointer = null;
        if (coordinator != null) {
            List<String> ids = new ArrayList<>();
            List<Integer> pars = new ArrayList<>();
            for (PlanNode n : ops.keySet()) {
                ids.add(n.operatorId());
                pars.add(n.parallelism);
            }
            checkpointer = new TaskCheckpointer(coordinator, attempt, tasks.size(), subtask, chain.operators, ids, pars);
            chain.closeStateOn(coordinator.io());
        }
        if (head.transformation instanceof SourceTransformation st) {
            SourceTask<?> t = sourceTask(st, head, subtask, contexts.get(head), chain, (Output) outputs.get(head), taskName);
            if (checkpointer != null) t.checkpointing(checkpointer, head.operatorId(), head.parallelism);
            sourceNames.put(t, head.name);
            task = t;
        } else {
            InputGate gate = inputGate(head, subtask);
            StreamTask t = new StreamTask(taskName, gate, chain);
            var config = plan.job().checkpoints();
            if (checkpointer != null) {
                t.checkpointing(checkpointer, config.mode() == CheckpointingMode.EXACTLY_ONCE, config.unalignedEnabled(),
                        config.alignedCheckpointTimeoutMillis(), gate.edgeOf, subtask, head.parallelism);
            }
            if (restore != null) {
                OperatorRestore r = restore.of(head.operatorId());
                if (r != null) {
                    List<io.runnel.runtime.checkpoint.InFlightData> stored = r.all(io.runnel.runtime.checkpoint.InFlightData.PART);
                    if (!stored.isEmpty()) t.replayFirst(InFlightReplay.select(stored, head.inputs, subtask, head.parallelism, maxP));
                }
            }
            if (restoredWatermark != Long.MIN_VALUE) t.startWatermarkAt(restoredWatermark);
            task = t;
        }
        if (checkpointer != null) participants.add((CheckpointParticipant) task);
        sinkNames.put(task, sinks);
        return task;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SourceTask<?> sourceTask(SourceTransformation st, PlanNode head, int subtask, OperatorContext ctx, OperatorChain chain,
                               Output<Object> out, String taskName) throws Exception {
        Source<Object, SourceSplit> source = (Source<Object, SourceSplit>) Copies.deepCopy(st.source());
        // enumerate once per source, so every subtask sees the same splits (a folder listed once)
        List<SourceSplit> all = (List<SourceSplit>) splitsOf.computeIfAbsent(head, h -> {
            List<Object> restored = restore == null ? null : restore.splits(h.operatorId());
            return restored != null ? (List) restored : enumerate(source, h.parallelism);
        });
        List<SourceSplit> mine = new ArrayList<>();
        for (int i = subtask; i < all.size(); i += head.parallelism) mine.add(all.get(i));
        SourceReader<Object, SourceSplit> reader = source.createReader(new SourceReaderContext() {
            @Override
            public int subtaskIndex() {
                return subtask;
            }

            @Override
            public int parallelism() {
                return head.parallelism;
            }
        });
        SourceOutput<Object> so = new SourceOutput<>(out, (WatermarkStrategy<Object>) st.watermarks(), clock,
                plan.job().autoWatermarkIntervalMillis());
        SourceTask<Object> t = new SourceTask<>(taskName, ctx, reader, mine, chain, out, so, firstRecordNanos);
        sourceTasks.add(t);
        return t;
    }

    private static List<? extends SourceSplit> enumerate(Source<?, ? extends SourceSplit> source, int parallelism) {
        try {
            return source.createSplits(parallelism);
        } catch (Exception e) {
            throw new IllegalStateException("could not list the splits of source " + source + ": " + e.getMessage(), e);
        }
    }

    /** The output of node {@code n}: chained operators and channel writers, routed by side-output tag. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<?> outputOf(PlanNode n, int subtask, Map<PlanNode, StreamOperator<?>> ops, List<ChannelWriter> writers) {
        List<Output<Object>> main = new ArrayList<>();
        Map<OutputTag<?>, List<Output<Object>>> sides = new HashMap<>();
        List<Output<?>> all = new ArrayList<>();
        for (PlanEdge e : n.outputs) {
            Output<Object> target;
            if (e.chained()) {
                target = new ChainingOutput<>(ops.get(e.to));
            } else {
                Channel[] row = channelsFrom(e, subtask);
                ChannelWriter w = new ChannelWriter(row, partitioner(e), BATCH_SIZE);
                writers.add(w);
                target = w;
            }
            all.add(target);
            if (e.tag == null) main.add(target);
            else sides.computeIfAbsent(e.tag, t -> new ArrayList<>()).add(target);
        }
        if (sides.isEmpty() && main.size() == 1) return main.get(0);
        return new OutputRouter<>(main, sides, all);
    }

    private Channel[] channelsFrom(PlanEdge e, int subtask) {
        Channel[] row = channels.get(e)[subtask];
        if (e.partitioning == io.runnel.api.graph.Partitioning.FORWARD) return new Channel[] {row[subtask]};
        return row;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Partitioner partitioner(PlanEdge e) {
        int maxP = plan.job().maxParallelism();
        switch (e.partitioning) {
            case FORWARD:
                return (r, n) -> 0;
            case BROADCAST:
                return (r, n) -> Partitioner.ALL;
            case REBALANCE: {
                int[] next = {0};
                return (r, n) -> {
                    int c = next[0];
                    next[0] = c + 1 == n ? 0 : c + 1;
                    return c;
                };
            }
            case HASH: {
                io.runnel.api.functions.KeySelector key = Copies.deepCopy(e.key);
                io.runnel.runtime.state.StableKeys.Guard keyCheck = new io.runnel.runtime.state.StableKeys.Guard(e.to.transformation.name());
                return new io.runnel.runtime.channel.KeyPartitioner(key, maxP, keyCheck);
            }
            default:
                throw new IllegalStateException("unknown partitioning " + e.partitioning);
        }
    }

    private InputGate inputGate(PlanNode head, int subtask) {
        List<Channel> cs = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        List<Integer> edges = new ArrayList<>();
        for (int k = 0; k < head.inputs.size(); k++) {
            PlanEdge e = head.inputs.get(k);
            Channel[][] all = channels.get(e);
            for (int i = 0; i < all.length; i++) {
                Channel c = all[i][subtask];
                if (c != null) {
                    cs.add(c);
                    inputs.add(e.toInput);
                    edges.add(k);
                }
            }
        }
        int[] inputOf = new int[inputs.size()];
        int[] edgeOf = new int[edges.size()];
        for (int i = 0; i < inputOf.length; i++) {
            inputOf[i] = inputs.get(i);
            edgeOf[i] = edges.get(i);
        }
        InputGate gate = new InputGate(cs.toArray(new Channel[0]), inputOf);
        gate.edgeOf = edgeOf;
        return gate;
    }
}
