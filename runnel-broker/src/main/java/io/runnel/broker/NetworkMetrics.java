package io.runnel.broker;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the network layer, readable while the broker runs ({@link RunnelBroker#networkMetrics()}).
 * The pending-response figure is the most any one connection has had written but not yet taken by
 * its client: with a client that never reads, it stays near the write buffer's high-water mark
 * plus one response, instead of growing with every request.
 */
public final class NetworkMetrics {
    private final AtomicLong maxPendingResponseBytes = new AtomicLong();
    private final AtomicLong connectionsRejected = new AtomicLong();
    private final AtomicLong requestsHandled = new AtomicLong();

    void recordPendingResponseBytes(long bytes) {
        maxPendingResponseBytes.accumulateAndGet(bytes, Math::max);
    }

    void connectionRejected() {
        connectionsRejected.incrementAndGet();
    }

    void requestHandled() {
        requestsHandled.incrementAndGet();
    }

    /** The largest number of response bytes queued for one connection, seen after a response was written. */
    public long maxPendingResponseBytes() {
        return maxPendingResponseBytes.get();
    }

    /** Connections closed on accept by {@code max.connections*} or {@code max.connection.creation.rate}. */
    public long connectionsRejected() {
        return connectionsRejected.get();
    }

    /** Requests answered (or dropped with their connection) since start. */
    public long requestsHandled() {
        return requestsHandled.get();
    }
}
