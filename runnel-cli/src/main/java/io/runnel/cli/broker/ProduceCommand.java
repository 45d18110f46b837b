package io.runnel.cli.broker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runnel produce --topic T}: sends each line of standard input as a record. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Send each line of standard input to a topic (acks=all).")
public final class ProduceCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = {"-t", "--topic"}, required = true, description = "Topic to write to.")
    String topic;

    @Option(names = {"-k", "--key-separator"},
            description = "Split each line at the first occurrence into key and value (default: no key).")
    String keySeparator;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Properties p = client.properties();
        p.put("acks", "all");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        AtomicLong sent = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && failure.get() == null) {
                String key = null;
                String value = line;
                int at = keySeparator == null ? -1 : line.indexOf(keySeparator);
                if (at >= 0) {
                    key = line.substring(0, at);
                    value = line.substring(at + keySeparator.length());
                }
                producer.send(new ProducerRecord<>(topic, key, value), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        sent.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            spec.commandLine().getErr().println("runnel produce: " + failure.get().getMessage());
            return 1;
        }
        spec.commandLine().getErr().println("Produced " + sent.get() + " records to " + topic);
        return 0;
    }
}
