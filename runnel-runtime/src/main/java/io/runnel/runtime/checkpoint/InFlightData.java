package io.runnel.runtime.checkpoint;

import io.runnel.runtime.channel.RecordBatch;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The records an unaligned checkpoint caught in flight at one subtask: those that reached it
 * after its snapshot and before the checkpoint's barrier on their channel. The task holds the
 * batches it received (records are never mutated once emitted) and they are serialized on the
 * I/O thread; on restore they are replayed before any new input. Each batch is tagged with the
 * index of the plan edge it came over, so a restore at another parallelism can redistribute it.
 */
public final class InFlightData implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The snapshot part's name in the head operator's state. */
    public static final String PART = "in-flight";

    private final int subtask;
    private final int parallelism;
    private transient List<Batch> batches = new ArrayList<>();

    /** Records of one batch, over plan input edge {@code edge}. */
    public record Batch(int edge, Object[] values, long[] timestamps, int size) {}

    public InFlightData(int subtask, int parallelism) {
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /** Keeps a received batch (by reference). */
    public void add(int edge, RecordBatch b) {
        if (b.size > 0) batches.add(new Batch(edge, b.values, b.timestamps, b.size));
    }

    public int subtask() {
        return subtask;
    }

    public int parallelism() {
        return parallelism;
    }

    public List<Batch> batches() {
        return batches;
    }

    public long records() {
        long n = 0;
        for (Batch b : batches) n += b.size;
        return n;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(batches.size());
        for (Batch b : batches) {
            out.writeInt(b.edge);
            out.writeInt(b.size);
            for (int i = 0; i < b.size; i++) {
                out.writeLong(b.timestamps[i]);
                try {
                    out.writeObject(b.values[i]);
                } catch (NotSerializableException e) {
                    throw new NotSerializableException("an unaligned checkpoint stores in-flight records, and "
                            + b.values[i].getClass().getName() + " is not serializable: make the record type Serializable"
                            + " or use aligned checkpoints");
                }
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        batches = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            int edge = in.readInt();
            int size = in.readInt();
            Object[] values = new Object[size];
            long[] ts = new long[size];
            for (int i = 0; i < size; i++) {
                ts[i] = in.readLong();
                values[i] = in.readObject();
            }
            batches.add(new Batch(edge, values, ts, size));
        }
    }
}
