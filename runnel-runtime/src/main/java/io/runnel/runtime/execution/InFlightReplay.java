package io.runnel.runtime.execution;

import io.runnel.api.functions.KeySelector;
import io.runnel.api.graph.Partitioning;
import io.runnel.runtime.channel.RecordBatch;
import io.runnel.runtime.checkpoint.InFlightData;
import io.runnel.runtime.plan.PlanEdge;
import io.runnel.runtime.state.KeyGroups;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks, for one new subtask, the in-flight records of a restored unaligned checkpoint, from what
 * every earlier subtask stored. Keyed edges: the records whose key group the subtask now owns.
 * Broadcast edges: earlier subtask 0's, the one broadcast state restores from. Other edges: the
 * records of the earlier subtasks it takes over (earlier index modulo the new parallelism).
 */
final class InFlightReplay {
    /** One batch to process on input {@code input} of the head operator. */
    record Replay(int input, RecordBatch batch) {}

    private InFlightReplay() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Replay> select(List<InFlightData> stored, List<PlanEdge> inputs, int subtask, int parallelism,
                               int maxParallelism) throws Exception {
        List<Replay> out = new ArrayList<>();
        for (InFlightData d : stored) {
            for (InFlightData.Batch b : d.batches()) {
                if (b.edge() < 0 || b.edge() >= inputs.size()) {
                    throw new IllegalStateException("in-flight records of the checkpoint came over input edge " + b.edge()
                            + ", which the operator no longer has (it has " + inputs.size() + ")");
                }
                PlanEdge e = inputs.get(b.edge());
                RecordBatch mine;
                if (e.partitioning == Partitioning.HASH) {
                    KeySelector key = e.key;
                    mine = new RecordBatch(b.size());
                    for (int i = 0; i < b.size(); i++) {
                        Object v = b.values()[i];
                        if (KeyGroups.subtaskOfKey(key.getKey(v), maxParallelism, parallelism) == subtask) mine.add(v, b.timestamps()[i]);
                    }
                } else {
                    // broadcast state restores from earlier instance 0 (all copies are alike by contract),
                    // so its broadcast records in flight come from 0 too: state and records then agree
                    boolean take = e.partitioning == Partitioning.BROADCAST
                            ? d.subtask() == 0
                            : d.subtask() % parallelism == subtask;
                    if (!take) continue;
                    mine = new RecordBatch(b.size());
                    for (int i = 0; i < b.size(); i++) mine.add(b.values()[i], b.timestamps()[i]);
                }
                if (!mine.isEmpty()) out.add(new Replay(e.toInput, mine));
            }
        }
        return out;
    }
}
