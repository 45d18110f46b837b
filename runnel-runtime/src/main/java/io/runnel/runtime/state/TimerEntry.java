package io.runnel.runtime.state;

/** A timer: fires at {@code time} for {@code key} in {@code namespace} (a window, or VOID). */
public record TimerEntry(long time, Object key, Object namespace) implements Comparable<TimerEntry>, java.io.Serializable {
    @Override
    public int compareTo(TimerEntry o) {
        return Long.compare(time, o.time);
    }
}
