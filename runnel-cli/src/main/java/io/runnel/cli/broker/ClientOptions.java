package io.runnel.cli.broker;

import java.util.Properties;
import picocli.CommandLine.Option;

/** The connection option shared by the client commands. */
final class ClientOptions {
    @Option(names = {"-b", "--bootstrap-server"}, defaultValue = "127.0.0.1:9092",
            description = "Broker address. Default: ${DEFAULT-VALUE}")
    String bootstrap;

    Properties properties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
