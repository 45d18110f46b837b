package io.runnel.cli.broker;

import io.runnel.broker.BrokerConfig;
import io.runnel.broker.BrokerMain;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runnel broker --port 9092 --data-dir DIR [--config FILE] [--set name=value]...}: serves until SIGTERM. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Serve the Kafka protocol over a durable log in DIR until SIGTERM or Ctrl-C.",
                "Any Kafka client can produce and consume; settings use Kafka's broker config names."})
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "TCP port (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--data-dir", required = true, description = "Directory holding the log (created if missing).")
    Path dataDir;

    @Option(names = "--config", description = "Java properties file of Kafka broker config names.")
    Path config;

    @Option(names = {"-s", "--set"}, description = "A Kafka broker config, e.g. --set log.flush.interval.messages=1")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.put("port", String.valueOf(port));
        overrides.put("host", host);
        overrides.put("log.dirs", dataDir.toString());
        BrokerConfig brokerConfig;
        try {
            brokerConfig = config == null ? BrokerConfig.of(overrides) : BrokerConfig.load(config, overrides);
        } catch (IllegalArgumentException e) {
            System.err.println("runnel broker: " + e.getMessage());
            return 2;
        }
        try {
            BrokerMain.serveUntilShutdown(brokerConfig);
        } catch (Exception e) {
            System.err.println("runnel broker: cannot start on " + host + ":" + port + " with data in " + dataDir + ": "
                    + e.getMessage());
            return 1;
        }
        return 0;
    }
}
