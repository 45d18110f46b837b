package io.runnel.runtime.windowing;

/**
 * The slices of one key: accumulators sorted by slice start in parallel arrays. A key has only a
 * few live slices (window size / slice size, plus the allowed lateness), and in-order data hits
 * the newest one, so a short scan from the end beats a tree map and boxes nothing.
 */
final class KeySlices implements io.runnel.runtime.state.StateCopier.Copyable, java.io.Serializable {
    long[] starts = new long[4];
    Object[] accs = new Object[4];
    int count;

    /** The index of the slice starting at {@code s}, or -1. */
    int indexOf(long s) {
        for (int i = count - 1; i >= 0; i--) {
            long x = starts[i];
            if (x == s) return i;
            if (x < s) return -1;
        }
        return -1;
    }

    /** Inserts a slice at its sorted place; returns its index. */
    int insert(long s, Object acc) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            accs = java.util.Arrays.copyOf(accs, count * 2);
        }
        int i = count;
        while (i > 0 && starts[i - 1] > s) {
            starts[i] = starts[i - 1];
            accs[i] = accs[i - 1];
            i--;
        }
        starts[i] = s;
        accs[i] = acc;
        count++;
        return i;
    }

    /** Removes the oldest slices while {@code expired} holds for their start. */
    void dropWhile(java.util.function.LongPredicate expired) {
        int k = 0;
        while (k < count && expired.test(starts[k])) k++;
        removeFirst(k);
    }

    void remove(long s) {
        int i = indexOf(s);
        if (i < 0) return;
        System.arraycopy(starts, i + 1, starts, i, count - i - 1);
        System.arraycopy(accs, i + 1, accs, i, count - i - 1);
        accs[--count] = null;
    }

    private void removeFirst(int k) {
        if (k == 0) return;
        System.arraycopy(starts, k, starts, 0, count - k);
        System.arraycopy(accs, k, accs, 0, count - k);
        for (int i = count - k; i < count; i++) accs[i] = null;
        count -= k;
    }

    @java.io.Serial
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeLong(starts[i]);
            io.runnel.runtime.state.SnapshotValues.write(out, accs[i]);
        }
    }

    @java.io.Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        count = in.readInt();
        int cap = Math.max(4, count);
        starts = new long[cap];
        accs = new Object[cap];
        for (int i = 0; i < count; i++) {
            starts[i] = in.readLong();
            accs[i] = io.runnel.runtime.state.SnapshotValues.read(in);
        }
    }

    @Override
    public KeySlices copy() {
        KeySlices c = new KeySlices();
        c.starts = starts.clone();
        c.accs = new Object[accs.length];
        for (int i = 0; i < count; i++) c.accs[i] = io.runnel.runtime.state.StateCopier.copy(accs[i]);
        c.count = count;
        return c;
    }

    boolean isEmpty() {
        return count == 0;
    }
}
