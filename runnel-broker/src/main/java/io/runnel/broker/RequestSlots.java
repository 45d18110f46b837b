package io.runnel.broker;

import java.util.ArrayDeque;

/**
 * {@code queued.max.requests}: how many requests the broker handles at once, over all
 * connections. A connection that finds no slot stops reading and is woken, in arrival order,
 * when a request finishes.
 */
final class RequestSlots {
    private final int max;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int used;

    RequestSlots(int max) {
        this.max = max;
    }

    /** Takes a slot, or queues {@code onFree} to run once one is released and returns false. */
    synchronized boolean tryAcquire(Runnable onFree) {
        if (used < max) {
            used++;
            return true;
        }
        waiting.add(onFree);
        return false;
    }

    void release() {
        Runnable next;
        synchronized (this) {
            used--;
            next = waiting.poll();
        }
        if (next != null) {
            next.run();
        }
    }

    synchronized int inUse() {
        return used;
    }
}
