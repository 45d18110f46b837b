package io.runnel.broker;

import io.runnel.log.LogManager;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.protocol.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Kafka-protocol broker over a {@link LogManager}. {@code RunnelBroker.start(config)}
 * opens (and recovers) the data directory, binds the port and returns once clients can connect;
 * {@link #close()} stops accepting, finishes, flushes and closes the log.
 *
 * <pre>{@code
 * try (RunnelBroker broker = RunnelBroker.start(BrokerConfig.of(Map.of("log.dirs", dir, "port", "0")))) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class RunnelBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunnelBroker.class);

    private final BrokerConfig config;
    private final LogManager logs;
    private final ExecutorService io;
    private final ScheduledExecutorService timer;
    private final ClusterInfo cluster;
    private final BrokerServer server;
    private final AutoCloseable groups;
    private final NetworkMetrics networkMetrics = new NetworkMetrics();
    private volatile boolean closed;

    private RunnelBroker(BrokerConfig config) throws InterruptedException {
        this.config = config;
        this.logs = LogManager.open(config.dataDir(), config.logConfig());
        logs.setCompactionDefaults(config.compactionDefaults());
        this.io = Executors.newFixedThreadPool(config.ioThreads(), daemon("runnel-broker-io"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("runnel-broker-timer"));
        this.cluster = new ClusterInfo(config.nodeId(), config.advertisedHost(), config.clusterId());
        KafkaApis apis = new KafkaApis();
        BrokerServer started = null;
        AutoCloseable groupsStarted = null;
        try {
            groupsStarted = Apis.registerAll(apis, config, logs, cluster, io, timer);
            logs.startBackgroundTasks(config.retentionCheckIntervalMs());
            started = new BrokerServer(config, apis, io, networkMetrics);
        } catch (InterruptedException | RuntimeException e) {
            shutdownExecutors();
            closeQuietly(groupsStarted);
            logs.close();
            throw e;
        }
        this.groups = groupsStarted;
        this.server = started;
        cluster.port(server.port());
        LOG.info("Runnel broker {} serving {} APIs on {}:{} with data in {}", cluster.nodeId(), apis.supported().size(),
                cluster.host(), cluster.port(), config.dataDir());
    }

    /** Starts a broker; port 0 binds an ephemeral port (see {@link #port()}). */
    public static RunnelBroker start(BrokerConfig config) {
        try {
            return new RunnelBroker(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the broker", e);
        }
    }

    /** Starts a broker from Kafka config names, e.g. {@code Map.of("log.dirs", dir, "port", "0")}. */
    public static RunnelBroker start(Map<String, String> config) {
        return start(BrokerConfig.of(config));
    }

    public int port() {
        return cluster.port();
    }

    public String bootstrapServers() {
        return cluster.host() + ":" + cluster.port();
    }

    public BrokerConfig config() {
        return config;
    }

    /** Counters of the network layer (pending response bytes, rejected connections). */
    public NetworkMetrics networkMetrics() {
        return networkMetrics;
    }

    /** The APIs this broker answers (what ApiVersions advertises). */
    public static java.util.Set<ApiKeys> supportedApis() {
        return Apis.SUPPORTED;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Runnel broker on port {} shutting down", cluster.port());
        server.close();
        shutdownExecutors();
        closeQuietly(groups);
        logs.close();
        LOG.info("Runnel broker stopped");
    }

    private void shutdownExecutors() {
        timer.shutdownNow();
        io.shutdown();
        try {
            if (!io.awaitTermination(10, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("Error while closing {}", c, e);
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
