package io.runnel.runtime.channel;

import org.jctools.queues.SpscArrayQueue;

/**
 * One producer subtask to one consumer subtask: a bounded queue of batches and control items.
 * Addressed by (edge, producer index, consumer index), never by thread. JCTools' queue rather than
 * Agrona's: Agrona 2 needs {@code --add-exports} on Java 17, and jobs must run as plain programs.
 */
public final class Channel {
    private final SpscArrayQueue<Object> queue;
    private final String name;

    public Channel(String name, int capacity) {
        this.name = name;
        this.queue = new SpscArrayQueue<>(capacity);
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
