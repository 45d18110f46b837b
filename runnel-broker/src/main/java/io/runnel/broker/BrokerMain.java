package io.runnel.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a broker as a process until SIGTERM (or SIGINT), then shuts down cleanly:
 * {@code BrokerMain --port 9092 --data-dir DIR [--config FILE] [name=value ...]} where each
 * {@code name=value} is a Kafka broker config name. The CLI's {@code runnel broker} does the same.
 */
public final class BrokerMain {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerMain.class);

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> overrides.put("port", value(args, ++i, "--port"));
                case "--data-dir" -> overrides.put("log.dirs", value(args, ++i, "--data-dir"));
                case "--host" -> overrides.put("host", value(args, ++i, "--host"));
                case "--config" -> configFile = Path.of(value(args, ++i, "--config"));
                default -> {
                    int eq = args[i].indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("unexpected argument '" + args[i]
                                + "'; use --port, --data-dir, --config or name=value");
                    }
                    overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
                }
            }
        }
        BrokerConfig config = configFile == null ? BrokerConfig.of(overrides) : BrokerConfig.load(configFile, overrides);
        serveUntilShutdown(config);
    }

    /** Starts a broker and blocks until the JVM is asked to stop; the shutdown hook closes it. */
    public static void serveUntilShutdown(BrokerConfig config) throws InterruptedException {
        RunnelBroker broker = RunnelBroker.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } finally {
                stopped.countDown();
            }
        }, "runnel-broker-shutdown"));
        LOG.info("Broker ready on {}", broker.bootstrapServers());
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
