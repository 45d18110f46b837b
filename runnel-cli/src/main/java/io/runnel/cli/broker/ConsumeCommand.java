package io.runnel.cli.broker;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runnel consume --topic T}: prints record values (and keys on request) to standard output. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Print records of a topic, one per line, until --max-messages or --idle-timeout-ms.")
public final class ConsumeCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic to read.")
    String topic;

    @Option(names = {"-g", "--group"}, description = "Consumer group (commits offsets); default: no group.")
    String group;

    @Option(names = "--from-beginning", description = "Start at the earliest offset when there is no commit.")
    boolean fromBeginning;

    @Option(names = {"-n", "--max-messages"}, defaultValue = "-1", description = "Stop after this many records.")
    long maxMessages;

    @Option(names = "--idle-timeout-ms", defaultValue = "-1",
            description = "Stop after this long without a record (default: never).")
    long idleTimeoutMs;

    @Option(names = "--print-key", description = "Print key<TAB>value.")
    boolean printKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Properties p = client.properties();
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        p.put("auto.offset.reset", fromBeginning ? "earliest" : "latest");
        if (group != null) {
            p.put("group.id", group);
        }
        PrintWriter out = spec.commandLine().getOut();
        long count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                consumer.assign(consumer.partitionsFor(topic).stream()
                        .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList());
            }
            long lastRecord = System.currentTimeMillis();
            while (maxMessages < 0 || count < maxMessages) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> r : records) {
                    out.println(printKey ? r.key() + "\t" + r.value() : r.value());
                    lastRecord = System.currentTimeMillis();
                    if (++count == maxMessages) {
                        break;
                    }
                }
                out.flush();
                if (idleTimeoutMs >= 0 && System.currentTimeMillis() - lastRecord > idleTimeoutMs) {
                    break;
                }
            }
        }
        spec.commandLine().getErr().println("Consumed " + count + " records from " + topic);
        return 0;
    }
}
