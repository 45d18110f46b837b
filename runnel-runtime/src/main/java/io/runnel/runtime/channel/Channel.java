package io.runnel.runtime.channel;

import org.jctools.queues.SpscArrayQueue;

/**
 * One producer subtask to one consumer subtask: a bounded queue of batches and control items, and
 * a small priority lane for checkpoint barriers, which the consumer reads first so a barrier does
 * not wait behind the batches queued before it (unaligned checkpoints; aligned ones use the
 * barrier's position to act on it exactly where it was emitted).
 * Addressed by (edge, producer index, consumer index), never by thread. JCTools' queue rather than
 * Agrona's: Agrona 2 needs {@code --add-exports} on Java 17, and jobs must run as plain programs.
 */
public final class Channel {
    /** Barriers in flight on one channel: one per concurrent checkpoint, so a few suffice. */
    public static final int PRIORITY_CAPACITY = 8;
    private final SpscArrayQueue<Object> queue;
    private final SpscArrayQueue<ControlItem.Barrier> priority = new SpscArrayQueue<>(PRIORITY_CAPACITY);
    private final String name;

    public Channel(String name, int capacity) {
        this.name = name;
        this.queue = new SpscArrayQueue<>(capacity);
    }

    /** False when the priority lane is full: the producer must hold the barrier and retry later. */
    public boolean offerPriority(ControlItem.Barrier barrier) {
        return priority.offer(barrier);
    }

    /** The next barrier of the priority lane, or null. */
    public ControlItem.Barrier pollPriority() {
        return priority.poll();
    }

    /** False when full: the producer must hold the item and retry later. */
    public boolean offer(Object item) {
        return queue.offer(item);
    }

    /** The next item, or null when empty. */
    public Object poll() {
        return queue.poll();
    }

    public int size() {
        return queue.size();
    }

    @Override
    public String toString() {
        return name;
    }
}
