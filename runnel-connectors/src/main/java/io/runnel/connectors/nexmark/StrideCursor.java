package io.runnel.connectors.nexmark;

import java.io.Serializable;

/**
 * The event numbers one parallel subtask generates (GENERATOR.md §7): subtask {@code k} of
 * {@code p} takes {@code k, k+p, k+2p, ... < total}, in that order. Every subtask therefore emits in
 * event-time order and all subtasks advance through event time together, so watermarks with zero
 * out-of-orderness produce no late events. {@link #position()} (the next number to emit) is all the
 * state a checkpoint needs; {@link #resume} restores it.
 */
public final class StrideCursor implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int subtask;
    private final int parallelism;
    private final long total;
    private long next;

    /** Cursor of subtask {@code subtask} (0-based) of {@code parallelism} over event numbers [0, total). */
    public StrideCursor(int subtask, int parallelism, long total) {
        this(subtask, parallelism, total, subtask);
    }

    private StrideCursor(int subtask, int parallelism, long total, long next) {
        if (parallelism <= 0 || subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("need 0 <= subtask < parallelism, got " + subtask + " of " + parallelism);
        }
        if (total < 0) throw new IllegalArgumentException("total < 0: " + total);
        if (next < subtask || (next < total && (next - subtask) % parallelism != 0)) {
            throw new IllegalArgumentException("position " + next + " is not on subtask " + subtask + "'s stride");
        }
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.total = total;
        this.next = next;
    }

    /** A cursor restored from a checkpointed {@link #position()}. */
    public static StrideCursor resume(int subtask, int parallelism, long total, long position) {
        return new StrideCursor(subtask, parallelism, total, position);
    }

    /** How many event numbers subtask {@code subtask} of {@code parallelism} gets out of [0, total). */
    public static long countFor(int subtask, int parallelism, long total) {
        return total <= subtask ? 0 : (total - subtask - 1) / parallelism + 1;
    }

    public boolean hasNext() { return next < total; }

    /** The next event number; advances the cursor. Call only while {@link #hasNext()}. */
    public long next() {
        if (next >= total) throw new java.util.NoSuchElementException("stride exhausted at " + next);
        long i = next;
        // total - i > parallelism keeps i + parallelism from overflowing near Long.MAX_VALUE
        next = total - i > parallelism ? i + parallelism : total;
        return i;
    }

    /** The next event number to emit (checkpoint state); {@code >= total} once exhausted. */
    public long position() { return next; }

    /** Event numbers still to emit. */
    public long remaining() { return next >= total ? 0 : (total - next - 1) / parallelism + 1; }

    public int subtask() { return subtask; }

    public int parallelism() { return parallelism; }

    public long total() { return total; }

    @Override
    public String toString() {
        return "StrideCursor{subtask=" + subtask + ", parallelism=" + parallelism + ", total=" + total + ", next=" + next + '}';
    }
}
