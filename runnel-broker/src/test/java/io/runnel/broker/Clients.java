package io.runnel.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Official Kafka clients with default settings pointed at a test broker. */
final class Clients {
    private Clients() {
    }

    /** A broker on an ephemeral port with test-friendly group timing; extra settings override. */
    static RunnelBroker broker(Path dir, String... keyValues) {
        Map<String, String> c = new HashMap<>();
        c.put("log.dirs", dir.toString());
        c.put("port", "0");
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("num.io.threads", "4");
        for (int i = 0; i < keyValues.length; i += 2) {
            c.put(keyValues[i], keyValues[i + 1]);
        }
        return RunnelBroker.start(c);
    }

    static KafkaProducer<String, String> producer(RunnelBroker b, Object... keyValues) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        put(p, keyValues);
        return new KafkaProducer<>(p);
    }

    static KafkaConsumer<String, String> consumer(RunnelBroker b, Object... keyValues) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        put(p, keyValues);
        return new KafkaConsumer<>(p);
    }

    static Admin admin(RunnelBroker b) {
        Properties p = new Properties();
        p.put("bootstrap.servers", b.bootstrapServers());
        return Admin.create(p);
    }

    private static void put(Properties p, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
    }
}
