package io.runnel.broker;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's connection limits, checked as each connection is accepted: {@code max.connections}
 * (all clients), {@code max.connections.per.ip} with {@code max.connections.per.ip.overrides}
 * ({@code host:count,...}), and {@code max.connection.creation.rate} (new connections per second).
 * A connection over a limit is closed at once. (Kafka closes over-the-IP-limit connections too,
 * but waits rather than closes for the total and the rate.)
 */
final class ConnectionLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

    private final int maxConnections;
    private final int maxPerIp;
    private final Map<InetAddress, Integer> perIpOverrides;
    private final int maxPerSecond;
    private final NetworkMetrics metrics;
    private final Map<InetAddress, Integer> open = new HashMap<>();
    private int total;
    private long windowSecond;
    private int createdInWindow;

    ConnectionLimiter(BrokerConfig config, NetworkMetrics metrics) {
        this.maxConnections = config.getInt("max.connections");
        this.maxPerIp = config.getInt("max.connections.per.ip");
        this.perIpOverrides = parseOverrides(config.get("max.connections.per.ip.overrides"));
        this.maxPerSecond = config.getInt("max.connection.creation.rate");
        this.metrics = metrics;
    }

    /** {@code host:count,host:count}; hosts are resolved once, at start. */
    static Map<InetAddress, Integer> parseOverrides(String value) {
        Map<InetAddress, Integer> out = new HashMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String entry : value.split(",")) {
            int colon = entry.lastIndexOf(':');
            try {
                out.put(InetAddress.getByName(entry.substring(0, colon).trim()),
                        Integer.parseInt(entry.substring(colon + 1).trim()));
            } catch (UnknownHostException | NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("broker config max.connections.per.ip.overrides: '" + entry
                        + "' is not host:count");
            }
        }
        return out;
    }

    /** Admits the new channel (released when it closes), or closes it and returns false. */
    boolean admit(Channel ch) {
        InetAddress ip = ((InetSocketAddress) ch.remoteAddress()).getAddress();
        String refused = tryAdmit(ip, System.currentTimeMillis());
        if (refused != null) {
            metrics.connectionRejected();
            LOG.info("Closing connection from {}: {}", ip.getHostAddress(), refused);
            ch.close();
            return false;
        }
        ch.closeFuture().addListener(f -> release(ip));
        return true;
    }

    private synchronized String tryAdmit(InetAddress ip, long nowMs) {
        long second = nowMs / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            createdInWindow = 0;
        }
        if (createdInWindow >= maxPerSecond) {
            return "max.connection.creation.rate=" + maxPerSecond + " reached";
        }
        if (total >= maxConnections) {
            return "max.connections=" + maxConnections + " reached";
        }
        int limit = perIpOverrides.getOrDefault(ip, maxPerIp);
        int fromIp = open.getOrDefault(ip, 0);
        if (fromIp >= limit) {
            return "max.connections.per.ip=" + limit + " reached for this address";
        }
        createdInWindow++;
        total++;
        open.put(ip, fromIp + 1);
        return null;
    }

    private synchronized void release(InetAddress ip) {
        total--;
        open.computeIfPresent(ip, (k, n) -> n > 1 ? n - 1 : null);
    }
}
